package org.onewindow.hub.messagelog;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.onewindow.schemas.sharing.SharedData;
import org.onewindow.schemas.tasks.TaskMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every call a department adapter makes, from the hub's side: a Camel event notifier that sees the kit's
 * routes send to an HTTP endpoint (rest-json-call, http-xml-call) or a CXF endpoint (soap-call), tasks and data
 * shares alike. The adapters and the kit know nothing of it; it reads what the kit puts on every exchange
 * (properties Department, TaskId or ShareId, Task or Share). SOAP bytes come from {@link SoapCapture}.
 *
 * <p>Cheap by construction: every other event type is switched off, and {@link #isEnabled} lets through only sends to
 * those two endpoint types (one {@code instanceof} per send), so routes between direct: and jms: endpoints pay only
 * for the event object Camel makes for its notifiers.
 */
final class DepartmentExchangeRecorder extends EventNotifierSupport {

    static final String CAPTURE = "OneWindowMessageLogCapture";
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";]+)");

    private final MessageLog messageLog;
    private final Clock clock;

    DepartmentExchangeRecorder(MessageLog messageLog, Clock clock) {
        this.messageLog = messageLog;
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
            return recorded(sending.getEndpoint());
        }
        return event instanceof CamelEvent.ExchangeSentEvent sent && recorded(sent.getEndpoint());
    }

    private static boolean recorded(Endpoint endpoint) {
        return endpoint instanceof HttpEndpoint || endpoint instanceof CxfEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
            sending(sending.getExchange(), sending.getEndpoint());
        } else if (event instanceof CamelEvent.ExchangeSentEvent sent) {
            sent(sent.getExchange(), sent.getEndpoint());
        }
    }

    private void sending(Exchange exchange, Endpoint endpoint) {
        String department = exchange.getProperty("Department", String.class);
        int keep = messageLog.keepsBodiesOf(department) ? messageLog.maxKeptBodyBytes() : 0;
        DepartmentCapture capture;
        if (endpoint instanceof CxfEndpoint) {
            capture = new DepartmentCapture(department + ":" + exchange.getMessage().getHeader("operationName", String.class), keep);
            // CXF writes the request on this thread: its out interceptor takes the capture from here
            SoapCapture.SENDING.set(capture);
        } else {
            String method = ((HttpEndpoint) endpoint).getHttpMethod() != null ? ((HttpEndpoint) endpoint).getHttpMethod().name()
                    : exchange.getMessage().getBody() == null ? "GET" : "POST";
            String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
            capture = new DepartmentCapture(method + " " + (path == null ? "/" : path), keep);
            capture.request = body(exchange);
        }
        exchange.setProperty(CAPTURE, capture);
    }

    private void sent(Exchange exchange, Endpoint endpoint) {
        DepartmentCapture capture = exchange.getProperty(CAPTURE, DepartmentCapture.class);
        if (capture == null) {
            return;
        }
        exchange.removeProperty(CAPTURE);
        if (SoapCapture.SENDING.get() == capture) {
            SoapCapture.SENDING.remove(); // CXF never reached its out chain (e.g. a mapping failure)
        }
        String status;
        Body response = capture.response;
        Exception failure = exchange.getException();
        if (endpoint instanceof CxfEndpoint) {
            if (failure == null) {
                status = String.valueOf(capture.responseCode == null ? 200 : capture.responseCode);
            } else if (capture.response != null && capture.response.sha256() != null) {
                // a reply came: a SOAP fault (declared or not), or a reply CXF could not read
                status = (capture.responseCode == null ? "" : capture.responseCode + " ")
                        + (capture.faultCode != null ? "SOAP fault " + capture.faultCode + ": " + failure.getMessage()
                        : "unreadable reply: " + failure.getClass().getSimpleName());
            } else {
                status = unanswered(failure);
            }
        } else if (failure != null) {
            HttpOperationFailedException refused = cause(failure, HttpOperationFailedException.class);
            if (refused != null) {
                status = String.valueOf(refused.getStatusCode());
                response = Body.of(refused.getResponseBody(), StandardCharsets.UTF_8);
            } else {
                status = unanswered(failure);
            }
        } else {
            status = String.valueOf(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
            response = body(exchange);
        }
        String department = exchange.getProperty("Department", String.class);
        Object work = exchange.getProperty("Task") != null ? exchange.getProperty("Task") : exchange.getProperty("Share");
        String caseId = work instanceof TaskMessage task ? task.caseId() : work instanceof SharedData share ? share.caseId() : null;
        String taskId = exchange.getProperty("TaskId") != null ? exchange.getProperty("TaskId", String.class)
                : exchange.getProperty("ShareId", String.class);
        messageLog.record(new LoggedExchange(clock.instant(), (System.nanoTime() - capture.startedNanos) / 1_000_000,
                Channel.DEPARTMENT, "hub", department, department, capture.operation, caseId, taskId, status,
                capture.request == null ? Body.unseen(null) : capture.request, response == null ? Body.unseen(null) : response));
    }

    private static Body body(Exchange exchange) {
        byte[] bytes = bytes(exchange, exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class));
        return bytes == null ? Body.unseen(null) : Body.of(bytes);
    }

    /**
     * The message body as bytes, leaving it readable for the route: a stream cache is reset, a plain stream is replaced
     * by the bytes read from it. Text is encoded with the Content-Type's charset, as camel-http sends it.
     */
    private static byte[] bytes(Exchange exchange, String contentType) {
        Object body = exchange.getMessage().getBody();
        try {
            if (body == null) {
                return new byte[0];
            }
            if (body instanceof byte[] raw) {
                return raw;
            }
            if (body instanceof String text) {
                return text.getBytes(charset(contentType));
            }
            if (body instanceof StreamCache cache) {
                cache.reset();
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                cache.writeTo(copy);
                cache.reset();
                return copy.toByteArray();
            }
            if (body instanceof InputStream in) {
                byte[] read = in.readAllBytes();
                exchange.getMessage().setBody(read);
                return read;
            }
            return exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1).trim());
                } catch (RuntimeException unknown) {
                    // fall through to UTF-8, what the kit's mappings declare
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String unanswered(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "no answer: " + root.getClass().getSimpleName();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
