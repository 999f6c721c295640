package org.onewindow.adapters.kit;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;

/** Writes the XML an adapter sends, element by element, so that escaping is never done by hand. */
public final class XmlMessages {

    private final String namespace;
    private final Document document;

    /**
     * Factories per thread, made once: looking a factory up per message (newInstance) searched the whole
     * classpath each time; factories are not thread-safe, so they are not shared between threads.
     */
    private static final ThreadLocal<DocumentBuilderFactory> DOCUMENTS = ThreadLocal.withInitial(() -> {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    });
    private static final ThreadLocal<TransformerFactory> TRANSFORMERS = ThreadLocal.withInitial(TransformerFactory::newDefaultInstance);

    private XmlMessages(String namespace, String rootName) {
        this.namespace = namespace;
        try {
            this.document = DOCUMENTS.get().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        document.appendChild(document.createElementNS(namespace, rootName));
    }

    public static XmlMessages of(String namespace, String rootName) {
        return new XmlMessages(namespace, rootName);
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** Adds a child element with text; a null value adds nothing. */
    public Element add(Element parent, String name, String value) {
        Element element = document.createElementNS(namespace, name);
        if (value != null) {
            element.setTextContent(value);
        }
        parent.appendChild(element);
        return element;
    }

    public Element add(String name, String value) {
        return value == null ? null : add(root(), name, value);
    }

    public String write() {
        try {
            Transformer transformer = TRANSFORMERS.get().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }
}
