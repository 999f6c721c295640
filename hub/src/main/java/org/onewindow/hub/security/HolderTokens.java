package org.onewindow.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The data holders' bearer tokens (GET /api/v1/my-data-access, GET /api/v1/my-cases), read at start from
 * onewindow.security.holder-tokens-file. The file keeps only each token's SHA-256 (hex), never the token.
 * An empty location means no holder can sign in.
 */
@Component
class HolderTokens {

    private static final Logger log = LoggerFactory.getLogger(HolderTokens.class);

    private final Map<String, String> holderBySha256;
    private final boolean demo;
    private final String location;

    HolderTokens(SecurityProperties properties, ResourceLoader resources) {
        this.location = properties.holderTokensFile();
        JsonNode file = CredentialFiles.read(resources, location);
        this.holderBySha256 = read(file, location);
        this.demo = CredentialFiles.isDemo(file) && !holderBySha256.isEmpty();
        log.info("{} holder token(s) from {}{}", holderBySha256.size(), location == null || location.isBlank() ? "nowhere" : location,
                demo ? " (demo: loopback only)" : "");
    }

    /** The holder ID the token belongs to, if any. */
    Optional<String> holderOf(String token) {
        return Optional.ofNullable(holderBySha256.get(sha256(token)));
    }

    /** True when the tokens are the demo ones: they work from the loopback address only. */
    boolean demo() {
        return demo;
    }

    String location() {
        return location;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, String> read(JsonNode root, String location) {
        Map<String, String> holders = new HashMap<>();
        for (JsonNode entry : root.path("holderTokens")) {
            String holder = entry.path("holderId").asText();
            String hash = entry.path("tokenSha256").asText().toLowerCase();
            if (holder.length() != 18 || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException(location + ": every holder token needs an 18-character holderId and a 64-hex-digit tokenSha256");
            }
            if (holders.put(hash, holder) != null) {
                throw new IllegalStateException(location + ": one token hash is listed twice");
            }
        }
        return Map.copyOf(holders);
    }
}
