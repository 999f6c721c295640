package org.onewindow.hub.problems;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a JSON request body strictly — unknown fields, duplicate keys, trailing data and wrong types are faults — and
 * validates it with Bean Validation, every fault named by its JSON path, as RFC 9457 problem+json 400. Every
 * endpoint that takes JSON reads it this way, so that a typo in a field name is never silently ignored.
 */
@Component
public class StrictJson {

    private final ObjectMapper strict;
    private final Validator validator;

    StrictJson(ObjectMapper objectMapper, Validator validator) {
        this.strict = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        this.validator = validator;
    }

    /**
     * Parses and validates.
     *
     * @param what how the body is named in a fault, e.g. "a case request"
     * @throws ProblemException 400 listing every fault
     */
    public <T> T read(byte[] body, Class<T> type, String what) {
        T value = parse(body, type, what);
        List<Fault> faults = faults(value);
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        return value;
    }

    /** Bean Validation of a parsed body, sorted by field: for a reader that adds faults of its own. */
    public <T> List<Fault> faults(T value) {
        return validator.validate(value).stream().map(StrictJson::fault)
                .sorted(Comparator.comparing(Fault::field).thenComparing(Fault::code)).toList();
    }

    /** Parses only; the first fault of the JSON itself is the one reported (nothing after it can be read reliably). */
    public <T> T parse(byte[] body, Class<T> type, String what) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid(List.of(new Fault("body", "required", "the request body is empty")));
        }
        try {
            T value = strict.readValue(body, type);
            if (value == null) {
                throw ProblemException.invalid(List.of(new Fault("body", "invalid-type", "must be a JSON object")));
            }
            return value;
        } catch (JsonParseException e) {
            throw ProblemException.invalid(List.of(new Fault("body", "malformed-json", "is not well-formed JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(List.of(new Fault(path(e), "unknown-field", "is not a field of " + what)));
        } catch (InvalidFormatException e) {
            throw ProblemException.invalid(List.of(new Fault(path(e), "invalid-value", "cannot be " + e.getValue()
                    + (e.getTargetType().isEnum() ? "; allowed: " + List.of(e.getTargetType().getEnumConstants()) : ""))));
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(List.of(new Fault(path(e).isEmpty() ? "body" : path(e), "invalid-type",
                    typeFault(e))));
        } catch (IOException e) {
            throw ProblemException.invalid(List.of(new Fault("body", "unreadable", "could not be read")));
        }
    }

    /** Jackson's message names Java types ("Cannot deserialize value of type `java.lang.String`"): say it in JSON's words. */
    private static String typeFault(JsonMappingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? jsonType(mismatch.getTargetType()) : "another type";
        String given = message.contains("from Array") || message.contains("START_ARRAY") ? "an array"
                : message.contains("from Object") || message.contains("START_OBJECT") ? "an object"
                : message.contains("from String") ? "a string"
                : message.contains("from Integer") || message.contains("from Floating") ? "a number"
                : message.contains("from Boolean") ? "true or false" : null;
        return "must be " + expected + (given == null ? "" : ", not " + given);
    }

    private static String jsonType(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Fault fault(ConstraintViolation<?> violation) {
        String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String field = violation.getPropertyPath().toString().replaceAll("<[^>]*>", "");
        return new Fault(field.isEmpty() ? "body" : field, code, violation.getMessage());
    }
}
