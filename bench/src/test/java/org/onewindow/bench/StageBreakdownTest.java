package org.onewindow.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame nearest the top that belongs to a stage decides; intake only when nothing else is on the stack. */
class StageBreakdownTest {

    @Test
    void aDatabaseWriteUnderAnIntakeRequestIsPersistence() {
        assertThat(StageBreakdown.classify(List.of("java.util.HashMap", "org.h2.mvstore.MVStore", "com.zaxxer.hikari.pool.ProxyConnection",
                "org.onewindow.hub.cases.CaseStore", "org.springframework.web.servlet.DispatcherServlet",
                "org.apache.catalina.core.StandardWrapperValve"))).isEqualTo(StageBreakdown.PERSISTENCE);
    }

    @Test
    void aSoapCallFromAJmsConsumerIsOutboundHttpAndTheConsumersOwnWorkIsMessaging() {
        assertThat(StageBreakdown.classify(List.of("com.sun.xml.bind.v2.runtime.XMLSerializer", "org.apache.cxf.endpoint.ClientImpl",
                "org.apache.camel.component.jms.EndpointMessageListener", "org.springframework.jms.listener.AbstractMessageListenerContainer")))
                .isEqualTo(StageBreakdown.OUTBOUND);
        assertThat(StageBreakdown.classify(List.of("java.lang.String", "org.apache.camel.component.jms.JmsBinding",
                "org.springframework.jms.listener.DefaultMessageListenerContainer"))).isEqualTo(StageBreakdown.MESSAGING);
    }

    @Test
    void whatAConsumerRunsThroughCamelIsOtherNotMessaging() {
        assertThat(StageBreakdown.classify(List.of("com.fasterxml.jackson.databind.ObjectMapper", "org.onewindow.hub.tasks.TaskMapper",
                "org.apache.camel.processor.Pipeline", "org.apache.camel.component.jms.EndpointMessageListener")))
                .isEqualTo(StageBreakdown.OTHER);
    }

    @Test
    void jacksonUnderTomcatIsIntakeAndCamelAloneIsOther() {
        assertThat(StageBreakdown.classify(List.of("com.fasterxml.jackson.core.json.UTF8JsonGenerator",
                "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor",
                "org.apache.catalina.connector.CoyoteAdapter"))).isEqualTo(StageBreakdown.INTAKE);
        assertThat(StageBreakdown.classify(List.of("org.apache.camel.support.DefaultExchange", "java.lang.Thread")))
                .isEqualTo(StageBreakdown.OTHER);
    }

    @Test
    void theCountingProxyAndTheSimulatorsAreReportedApart() {
        assertThat(StageBreakdown.classify(List.of("net.ttddyy.dsproxy.proxy.StatementProxyLogic", "org.onewindow.hub.cases.CaseStore")))
                .isEqualTo(StageBreakdown.COUNTERS);
        assertThat(StageBreakdown.classify(List.of("com.github.tomakehurst.wiremock.stubbing.InMemoryStubMappings",
                "org.eclipse.jetty.server.HttpChannel"))).isEqualTo(StageBreakdown.SIMULATORS);
    }
}
