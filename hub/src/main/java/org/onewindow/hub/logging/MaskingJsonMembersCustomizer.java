package org.onewindow.hub.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The structured (JSON) log's counterpart of {@link MaskedMessageConverter} and {@link MaskedThrowableConverter}: every
 * string value of a JSON line (the message, the exception's message and stack trace, MDC values, key-value pairs) has
 * its ID numbers and credit codes masked (110105********002X), whichever format (ecs, logstash, gelf) is chosen.
 * Named by logging.structured.json.customizer in application.yaml; Boot creates it, hence public. Its cost is that of
 * the text format's converters: strings shorter than an ID number are passed over, the rest scanned by one regex.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, IdentifierScrubber::scrub));
    }
}
