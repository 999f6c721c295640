package org.onewindow.hub.messagelog;

import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * CXF interceptors the hub puts on every Camel CXF endpoint (the kit's soap-call template knows nothing of them):
 * they hash the SOAP request exactly as it is written to the wire, and the reply (or fault) exactly as it arrives.
 * The Camel side ({@link DepartmentExchangeRecorder}) hands the call's {@link DepartmentCapture} over on the sending
 * thread, where CXF runs its out chain.
 */
final class SoapCapture {

    /** faultcode (SOAP 1.1) or Code/Value (SOAP 1.2) of a fault, without its namespace prefix. */
    private static final java.util.regex.Pattern FAULT_CODE = java.util.regex.Pattern.compile(
            "<(?:[\\w-]+:)?(?:faultcode|Value)>\\s*(?:[\\w-]+:)?([^<\\s]+)");

    /** The capture of the call this thread is about to send; taken by {@link Out}. */
    static final ThreadLocal<DepartmentCapture> SENDING = new ThreadLocal<>();

    private SoapCapture() {
    }

    /** Hashes the request while CXF streams it out (before the XML writer is set up on the stream). */
    static final class Out extends AbstractPhaseInterceptor<Message> {
        Out() {
            super(Phase.PRE_STREAM);
            addBefore(StaxOutInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            if (!MessageUtils.isRequestor(message) || message.getExchange() == null) {
                return;
            }
            DepartmentCapture capture = SENDING.get();
            SENDING.remove();
            OutputStream out = message.getContent(OutputStream.class);
            if (capture == null || out == null) {
                return;
            }
            message.getExchange().put(DepartmentCapture.class, capture);
            message.setContent(OutputStream.class, new DigestingOutputStream(out, capture.keepLimit,
                    body -> capture.request = body));
        }
    }

    /** Reads the reply or fault as it arrived (department replies are small; CXF limits them), hashes it, and passes it on. */
    static final class In extends AbstractPhaseInterceptor<Message> {
        In() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            if (message.getExchange() == null) {
                return;
            }
            DepartmentCapture capture = message.getExchange().get(DepartmentCapture.class);
            if (capture == null || capture.response != null) {
                return;
            }
            Object code = message.get(Message.RESPONSE_CODE);
            capture.responseCode = code instanceof Integer status ? status : null;
            InputStream in = message.getContent(InputStream.class);
            if (in == null) {
                capture.response = Body.of(new byte[0]);
                return;
            }
            try {
                byte[] bytes = in.readAllBytes();
                capture.response = Body.of(bytes);
                if (capture.responseCode != null && capture.responseCode >= 400) {
                    java.util.regex.Matcher fault = FAULT_CODE.matcher(new String(bytes, 0, Math.min(bytes.length, 8192),
                            java.nio.charset.StandardCharsets.UTF_8));
                    capture.faultCode = fault.find() ? fault.group(1) : null;
                }
                message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                // the reply broke off: the log records it unseen, and CXF reports the failure as it would have
                capture.response = Body.unseen(null);
                throw new org.apache.cxf.interceptor.Fault(e);
            }
        }
    }
}
