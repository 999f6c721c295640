package org.onewindow.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.onewindow.hub.materials.HolderFields;
import org.onewindow.hub.problems.Fault;
import org.onewindow.hub.problems.ProblemException;
import org.onewindow.hub.problems.StrictJson;
import org.onewindow.schemas.cases.CaseRequest;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a case request strictly (unknown fields, duplicate keys and trailing data are faults; {@link StrictJson}) and
 * validates it, reporting every fault at once: Bean Validation of the request, and the form fields the
 * catalogue uses to name a holder, validated as identifiers of the holder's kind ({@link HolderFields}).
 */
@Component
class CaseRequestReader {

    private final StrictJson json;
    private final ObjectMapper canonical;
    private final HolderFields holderFields;

    CaseRequestReader(StrictJson json, ObjectMapper objectMapper, HolderFields holderFields) {
        this.json = json;
        this.canonical = objectMapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.holderFields = holderFields;
    }

    CaseRequest read(byte[] body) {
        CaseRequest request = json.parse(body, CaseRequest.class, "a case request");
        List<Fault> faults = Stream.concat(json.faults(request).stream(), holderFields.faults(request).stream())
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
}
