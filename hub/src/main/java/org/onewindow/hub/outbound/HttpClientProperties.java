package org.onewindow.hub.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * onewindow.http-client.*: the one pool of keep-alive HTTP connections the hub calls out with (the department adapters'
 * camel-http calls and the provincial gateway client). Timeouts stay each caller's own (a department's
 * connect-timeout-ms and response-timeout-ms, the gateway's per service).
 *
 * @param maxTotal                  connections open at most, to all systems together
 * @param maxPerRoute               connections open at most to one system (scheme, host and port); at least the
 *                                  consumers of the busiest department plus the material look-up threads, since the
 *                                  provincial platform and its gateway share a host
 * @param validateAfterInactivityMs a pooled connection idle this long is checked before it is used again (a system
 *                                  may have closed it meanwhile)
 * @param idleTimeoutMs             a pooled connection idle this long is closed
 * @param leaseTimeoutMs            how long a call waits for a connection of a full pool before it fails
 */
@ConfigurationProperties("onewindow.http-client")
record HttpClientProperties(int maxTotal, int maxPerRoute, long validateAfterInactivityMs, long idleTimeoutMs,
                            long leaseTimeoutMs) {

    HttpClientProperties {
        if (maxTotal < 1 || maxPerRoute < 1 || maxPerRoute > maxTotal) {
            throw new IllegalArgumentException("onewindow.http-client: max-per-route (" + maxPerRoute
                    + ") must be at least 1 and at most max-total (" + maxTotal + ")");
        }
    }
}
