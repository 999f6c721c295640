package org.onewindow.hub.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The data holders' bearer tokens for GET /api/v1/my-data-access, read at start from
 * onewindow.access.holder-tokens-file. The file keeps only each token's SHA-256 (hex), never the token.
 * An empty location means no holder can sign in.
 */
@Component
class HolderTokens {

    private static final Logger log = LoggerFactory.getLogger(HolderTokens.class);

    private final Map<String, String> holderBySha256;

    HolderTokens(@Value("${onewindow.access.holder-tokens-file:}") String location, ResourceLoader resources) throws IOException {
        this.holderBySha256 = location.isBlank() ? Map.of() : read(resources.getResource(location));
        log.info("{} holder token(s) from {}", holderBySha256.size(), location.isBlank() ? "nowhere" : location);
    }

    /** The holder ID the token belongs to, if any. */
    Optional<String> holderOf(String token) {
        return Optional.ofNullable(holderBySha256.get(sha256(token)));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, String> read(Resource file) throws IOException {
        JsonNode root;
        try (InputStream in = file.getInputStream()) {
            root = new YAMLMapper().readTree(in);
        }
        Map<String, String> holders = new HashMap<>();
        for (JsonNode entry : root.path("holderTokens")) {
            String holder = entry.path("holderId").asText();
            String hash = entry.path("tokenSha256").asText().toLowerCase();
            if (holder.length() != 18 || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException(file + ": every holder token needs an 18-character holderId and a 64-hex-digit tokenSha256");
            }
            if (holders.put(hash, holder) != null) {
                throw new IllegalStateException(file + ": one token hash is listed twice");
            }
        }
        return Map.copyOf(holders);
    }
}
