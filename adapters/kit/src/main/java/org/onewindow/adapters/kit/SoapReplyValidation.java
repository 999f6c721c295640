package org.onewindow.adapters.kit;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.message.Message;

/**
 * Makes a SOAP client validate every reply against the department's WSDL schema (its maxLengths included), so that
 * a reply breaking it is a contract fault ({@link SoapFaults}) before anything of it is stored; requests are not
 * validated (the hub writes them). Used by the kit's soap-call template as its endpoint's cxfConfigurer: the
 * endpoint option {@code properties.schema-validation-enabled} would not do, Camel turns its dashed key into
 * camelCase, which CXF does not know.
 */
public final class SoapReplyValidation implements CxfConfigurer {

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
        factory.getProperties(true).put(Message.SCHEMA_VALIDATION_ENABLED, "IN");
    }

    @Override
    public void configureClient(Client client) {
        client.getEndpoint().put(Message.SCHEMA_VALIDATION_ENABLED, "IN");
    }

    @Override
    public void configureServer(Server server) {
        // the hub serves no SOAP
    }
}
