package org.onewindow.adapters.kit;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Parses XML that enters the hub from a department, hardened: no DOCTYPE at all (so no external
 * entities, no entity expansion bombs), no XInclude, the JDK's secure-processing limits, a size limit
 * checked before parsing, and validation against the department's XSD (a wrong namespace or a missing
 * element is a contract fault, not a null later on).
 */
public final class SafeXml {

    /** Larger XML from a department is refused unread. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * One hardened factory per thread: building one per message made the JDK search every jar of the
     * classpath for a parser (FactoryFinder), the hub's hottest path under load; factories are not
     * thread-safe, so they are not shared.
     */
    private static final ThreadLocal<DocumentBuilderFactory> FACTORY = ThreadLocal.withInitial(SafeXml::hardenedFactory);

    /** Xerces' validator names the element it is validating in a DOM through this property. */
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private final String department;
    private final Schema schema;
    private final String xsdName;

    /** @param xsd the department's schema, e.g. /contracts/departments/real-estate/registration.xsd on the classpath */
    public SafeXml(String department, String xsd) {
        this.department = department;
        this.schema = schema(xsd);
        this.xsdName = xsd.substring(xsd.lastIndexOf('/') + 1);
    }

    public Document parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new DepartmentContractException(department + " sent an empty XML body");
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new DepartmentContractException(department + " sent " + bytes.length + " bytes of XML; the limit is " + MAX_BYTES);
        }
        Document document;
        try {
            DocumentBuilder builder = FACTORY.get().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DepartmentContractException(department + " sent XML the hub refuses to read: " + e.getMessage(), e);
        }
        Validator validator = schema.newValidator();
        FirstFault fault = new FirstFault(validator);
        validator.setErrorHandler(fault);
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            throw new DepartmentContractException(department + " sent XML that breaks its contract: "
                    + XmlSchemaFaults.readable(e.getMessage(), fault.element, xsdName), e);
        }
        return document;
    }

    /** Stops at the first fault, remembering which element it was found in (the field a reason names). */
    private static final class FirstFault implements ErrorHandler {
        private final Validator validator;
        private String element;

        FirstFault(Validator validator) {
            this.validator = validator;
        }

        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            try {
                if (validator.getProperty(CURRENT_ELEMENT) instanceof Node node) {
                    element = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
                }
            } catch (SAXException unsupported) {
                // another validator than the JDK's: the schema type names the field instead
            }
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            error(exception);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            return hardened(DocumentBuilderFactory.newDefaultInstance());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the hardening features", e);
        }
    }

    private static DocumentBuilderFactory hardened(DocumentBuilderFactory factory) throws ParserConfigurationException {
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static Schema schema(String xsd) {
        URL url = SafeXml.class.getResource(xsd);
        if (url == null) {
            throw new IllegalStateException("no XML schema " + xsd + " on the classpath");
        }
        try (InputStream ignored = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(url);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot read XML schema " + xsd, e);
        }
    }
}
