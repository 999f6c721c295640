package org.onewindow.adapters.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import java.util.function.Predicate;

/**
 * Reads what went wrong in a SOAP call, so that each case ends the way it should:
 * <ul>
 *   <li>the department could not be reached: rethrown as is, so the task waits (see {@link DepartmentOutage});</li>
 *   <li>a reply that cannot be read (broken XML, wrong namespace, a DOCTYPE, an unexpected element), a
 *       Client/Sender fault, or a fault the WSDL declares and the adapter does not call retryable:
 *       {@link DepartmentContractException}, no retry;</li>
 *   <li>a Server/Receiver fault, a retryable declared fault, no answer in time:
 *       {@link DepartmentFaultException}, a few retries.</li>
 * </ul>
 */
public final class SoapFaults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SoapFaults() {
    }

    public static void rethrow(String department, Exception failure, Predicate<Exception> declaredFaultIsRetryable) throws Exception {
        if (DepartmentOutage.isUnreachable(failure)) {
            throw failure;
        }
        if (isTimeout(failure)) {
            throw new DepartmentFaultException(department + " did not answer in time (timed out)", failure);
        }
        if (isUnreadableReply(failure)) {
            String schemaFault = schemaFault(failure);
            throw new DepartmentContractException(department + " sent a reply that breaks its contract: "
                    + (schemaFault != null ? XmlSchemaFaults.readable(schemaFault, null, "its WSDL") : rootMessage(failure)), failure);
        }
        if (failure.getClass().isAnnotationPresent(jakarta.xml.ws.WebFault.class)) {
            String description = department + " SOAP fault: " + failure.getMessage() + faultInfo(failure);
            if (declaredFaultIsRetryable.test(failure)) {
                throw new DepartmentFaultException(description, failure);
            }
            throw new DepartmentContractException(description, failure);
        }
        SoapFault fault = soapFault(failure);
        if (fault != null) {
            String description = department + " SOAP fault [" + code(fault.getFaultCode()) + "] " + fault.getMessage() + detail(fault);
            if (isClientFault(fault.getFaultCode())) {
                throw new DepartmentContractException(description + "; the department refused the request itself", failure);
            }
            throw new DepartmentFaultException(description, failure);
        }
        throw new DepartmentFaultException(department + " call failed: " + rootMessage(failure), failure);
    }

    /** The schema validator's message (cvc-...), which CXF wraps in an "Unmarshalling Error", if there is one. */
    private static String schemaFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("cvc-")) {
                return message.substring(message.indexOf("cvc-"));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static SoapFault soapFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoapFault fault) {
                return fault;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isClientFault(QName code) {
        return code != null && (code.getLocalPart().equals("Client") || code.getLocalPart().equals("Sender"));
    }

    private static boolean isUnreadableReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (t instanceof XMLStreamException || name.startsWith("jakarta.xml.bind.") || name.contains("SAXParseException")
                    || message.contains("Unmarshalling Error") || message.contains("DOCTYPE")
                    || message.contains("Unexpected wrapper element") || message.contains("was not recognized")
                    || message.contains("Unexpected element") || message.contains("Message part")
                    || message.contains("Error reading XMLStreamReader")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The detail a declared fault carries (its generated getFaultInfo()), as JSON for the reason. */
    private static String faultInfo(Exception declared) {
        try {
            Object info = declared.getClass().getMethod("getFaultInfo").invoke(declared);
            return info == null ? "" : " " + JSON.writeValueAsString(info);
        } catch (ReflectiveOperationException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }

    private static String detail(SoapFault fault) {
        Element detail = fault.getDetail();
        if (detail == null || detail.getTextContent() == null || detail.getTextContent().isBlank()) {
            return "";
        }
        return " (detail: " + detail.getTextContent().trim().replaceAll("\\s+", " ") + ")";
    }

    private static String code(QName code) {
        return code == null ? "?" : "soap:" + code.getLocalPart();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "no message" : root.getMessage();
        return failure == root ? message : failure.getMessage() + ": " + message;
    }
}
