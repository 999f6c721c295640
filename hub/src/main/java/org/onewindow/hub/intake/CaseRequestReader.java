package org.onewindow.hub.intake;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.onewindow.hub.materials.HolderFields;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a case request strictly (unknown fields, duplicate keys and trailing data are faults) and
 * validates it, reporting every fault at once: Bean Validation of the request, and the form fields the
 * catalogue uses to name a holder, validated as identifiers of the holder's kind ({@link HolderFields}).
 */
@Component
class CaseRequestReader {

    private final ObjectMapper strict;
    private final ObjectMapper canonical;
    private final Validator validator;
    private final HolderFields holderFields;

    CaseRequestReader(ObjectMapper objectMapper, Validator validator, HolderFields holderFields) {
        this.strict = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        this.canonical = objectMapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.validator = validator;
        this.holderFields = holderFields;
    }

    CaseRequest read(byte[] body) {
        CaseRequest request = parse(body);
        List<Fault> faults = java.util.stream.Stream.concat(validator.validate(request).stream().map(CaseRequestReader::fault),
                        holderFields.faults(request).stream())
                .sorted(Comparator.comparing(Fault::field).thenComparing(Fault::code)).toList();
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        return request;
    }

    /** Two requests with the same meaning (whitespace, key order, defaults aside) have the same fingerprint. */
    String fingerprint(CaseRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }

    private CaseRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid(List.of(new Fault("body", "required", "the request body is empty")));
        }
        try {
            CaseRequest request = strict.readValue(body, CaseRequest.class);
            if (request == null) {
                throw ProblemException.invalid(List.of(new Fault("body", "invalid-type", "must be a JSON object")));
            }
            return request;
        } catch (JsonParseException e) {
            throw ProblemException.invalid(List.of(new Fault("body", "malformed-json", "is not well-formed JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(List.of(new Fault(path(e), "unknown-field", "is not a field of a case request")));
        } catch (InvalidFormatException e) {
            throw ProblemException.invalid(List.of(new Fault(path(e), "invalid-value", "cannot be " + e.getValue()
                    + (e.getTargetType().isEnum() ? "; allowed: " + List.of(e.getTargetType().getEnumConstants()) : ""))));
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(List.of(new Fault(path(e).isEmpty() ? "body" : path(e), "invalid-type",
                    e.getOriginalMessage().lines().findFirst().orElse("has the wrong type"))));
        } catch (IOException e) {
            throw ProblemException.invalid(List.of(new Fault("body", "unreadable", e.getMessage())));
        }
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

    private static Fault fault(ConstraintViolation<CaseRequest> violation) {
        String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String field = violation.getPropertyPath().toString().replaceAll("<[^>]*>", "");
        return new Fault(field.isEmpty() ? "body" : field, code, violation.getMessage());
    }
}
