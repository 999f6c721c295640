package org.onewindow.hub.problems;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * How long Tomcat lets a request body hold a worker thread, with the minimum data rate of {@link BodySizeLimitFilter}:
 * <ul>
 *   <li>the upload timeout: a read of a request body waits at most {@code onewindow.http.body-read-timeout-ms} for
 *       the next bytes (by default Tomcat waits the whole connection timeout; Spring Boot has no property for it);</li>
 *   <li>no draining of a body the hub did not read (max swallow size 0): after a refusal (408 for a body too slow,
 *       413 for one too large, any answer given before the body was read) Tomcat would otherwise go on reading the
 *       rest of the declared body, a byte a second from a slow client, on the same thread. The connection is
 *       closed instead, as soon as the next bytes come or the read times out.</li>
 * </ul>
 * Runs after Spring Boot's own customizer (server.tomcat.*), so that these win.
 */
@Component
class RequestTimeouts implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final int bodyReadTimeoutMs;

    RequestTimeouts(@Value("${onewindow.http.body-read-timeout-ms}") int bodyReadTimeoutMs) {
        this.bodyReadTimeoutMs = bodyReadTimeoutMs;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(bodyReadTimeoutMs);
                http.setMaxSwallowSize(0);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
