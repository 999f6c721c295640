package org.onewindow.hub.messagelog;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.onewindow.hub.cluster.HubInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The message log's parts: the writer, the seal signer and time-stamping authority, and where exchanges are captured
 * (the intake filter, the Camel notifier with its CXF interceptors; the e-licence library and the data exchange call
 * {@link MessageLog#record} themselves). With onewindow.message-log.enabled=false only a log that records nothing.
 */
@Configuration(proxyBeanMethods = false)
class MessageLogConfiguration {

    @Bean
    MessageLog messageLog(MessageLogProperties properties, ObjectProvider<MessageLogWriter> writer) {
        MessageLogWriter running = writer.getIfAvailable();
        return running == null ? MessageLog.disabled() : new MessageLog(running, properties.keepBodies(), properties.maxKeptBodyBytes());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "onewindow.message-log.enabled", havingValue = "true", matchIfMissing = true)
    static class Recording {

        @Bean
        Sealer messageLogSealer(MessageLogProperties properties, ResourceLoader resources, Clock clock) {
            SealSigner signer = new SealSigner(Crypto.privateKey(read(resources, properties.signing().key()), properties.signing().key()),
                    Crypto.certificate(read(resources, properties.signing().certificate()), properties.signing().certificate()));
            MessageLogProperties.TimeStamping tsa = properties.timeStamping();
            TimeStamper timeStamper = tsa.url() != null && !tsa.url().isBlank()
                    ? new HttpTimeStampAuthority(URI.create(tsa.url()), Duration.ofMillis(tsa.timeoutMs()))
                    : new LocalTimeStampAuthority(Crypto.privateKey(read(resources, tsa.local().key()), tsa.local().key()),
                    Crypto.certificate(read(resources, tsa.local().certificate()), tsa.local().certificate()), clock);
            return new Sealer(signer, timeStamper);
        }

        /** Writes this hub's chain of the log, named by its instance id: hubs sharing a database each write their own. */
        @Bean
        MessageLogWriter messageLogWriter(DataSource dataSource, HubInstance hubInstance, Sealer messageLogSealer, Clock clock,
                                          MessageLogProperties p) {
            return new MessageLogWriter(new MessageLogStore(dataSource), hubInstance.id(), messageLogSealer, clock, new MessageLogWriter.Settings(
                    p.queueCapacity(), Duration.ofMillis(p.offerTimeoutMs()), Duration.ofMillis(p.flushIntervalMs()), p.maxBatch(),
                    p.seal().maxRecords(), Duration.ofMillis(p.seal().intervalMs())));
        }

        /** First of all filters: refusals by later filters (body too large, no credential) are recorded too. */
        @Bean
        FilterRegistrationBean<IntakeExchangeFilter> messageLogIntakeFilter(MessageLog messageLog, Clock clock,
                                                                            @Value("${onewindow.intake.max-body-bytes}") long maxBodyBytes) {
            FilterRegistrationBean<IntakeExchangeFilter> registration =
                    new FilterRegistrationBean<>(new IntakeExchangeFilter(messageLog, clock, maxBodyBytes));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.addUrlPatterns("/api/*");
            return registration;
        }

        /**
         * Department calls: the notifier for every HTTP and CXF send of the kit's templates, and on each CXF endpoint the
         * interceptors that hash the SOAP bytes. Registered with Camel here, not as beans Camel would pick up again.
         */
        @Bean
        CamelContextConfiguration messageLogDepartmentCalls(MessageLog messageLog, Clock clock) {
            SoapCapture.Out out = new SoapCapture.Out();
            SoapCapture.In in = new SoapCapture.In();
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext camelContext) {
                    camelContext.getManagementStrategy().addEventNotifier(new DepartmentExchangeRecorder(messageLog, clock));
                    camelContext.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                        if (endpoint instanceof CxfEndpoint cxf && cxf.getOutInterceptors().stream().noneMatch(SoapCapture.Out.class::isInstance)) {
                            cxf.getOutInterceptors().add(out);
                            cxf.getInInterceptors().add(in);
                            cxf.getInFaultInterceptors().add(in);
                        }
                        return endpoint;
                    });
                }

                @Override
                public void afterApplicationStart(CamelContext camelContext) {
                    // nothing to do once running
                }
            };
        }

        /** The writer's figures, tagged with this hub's chain (its instance id). */
        @Bean
        MeterBinder messageLogMeters(MessageLogWriter writer) {
            String chain = writer.chain();
            return registry -> {
                Gauge.builder("onewindow.message.log.queued", () -> writer.status().queued()).tag("chain", chain)
                        .description("exchanges waiting for the message log's writer").register(registry);
                FunctionCounter.builder("onewindow.message.log.written", writer, w -> w.status().written()).tag("chain", chain)
                        .description("records written to this hub's chain of the message log").register(registry);
                FunctionCounter.builder("onewindow.message.log.lost", writer, w -> w.status().lost()).tag("chain", chain)
                        .description("exchanges not logged because the queue stayed full (the log records each loss)").register(registry);
                FunctionCounter.builder("onewindow.message.log.seals", writer, w -> w.status().seals()).tag("chain", chain)
                        .description("seals made").register(registry);
                FunctionCounter.builder("onewindow.message.log.seal.failures", writer, w -> w.status().sealFailures()).tag("chain", chain)
                        .description("seals that could not be made (time-stamping authority or database)").register(registry);
                FunctionCounter.builder("onewindow.message.log.writer.cpu", writer, w -> w.writerCpuNanos() / 1e9).tag("chain", chain)
                        .baseUnit("seconds").description("CPU time of the message log's writer thread: batches, inserts and seals")
                        .register(registry);
            };
        }

        private static byte[] read(ResourceLoader resources, String location) {
            if (location == null || location.isBlank()) {
                throw new IllegalStateException("a key or certificate location of onewindow.message-log is empty");
            }
            try (var in = resources.getResource(location).getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + location + " (onewindow.message-log)", e);
            }
        }
    }
}
