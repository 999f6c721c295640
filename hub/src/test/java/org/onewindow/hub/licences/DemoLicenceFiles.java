package org.onewindow.hub.licences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceSignatures;
import org.onewindow.schemas.licences.TrustedIssuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

/** The seeded demo licences (seeds/licences/), their trust list, and the demo issuers' keys for signing test variants. */
final class DemoLicenceFiles {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String ZHANG_SAN_ID_CARD = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000101.1.6";
    static final String LI_SI_ID_CARD = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000104.1.R";
    static final String LI_SI_FLAT = "1.2.156.3005.2.11100000000000000301.12320100MB0000033U.000302.1.X";
    static final String COMPANY_BUSINESS_LICENCE = "1.2.156.3005.2.11100000000000000201.11320100MB0000022T.000201.1.H";
    static final String ZHAO_LIU_ID_CARD = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000105.1.N";
    static final String ZHAO_LIU_EXPIRED = "1.2.156.3005.2.11100000000000000101.11320100MB0000011N.000106.1.J";
    static final String ZHAO_LIU_REVOKED = "1.2.156.3005.2.11100000000000000301.12320100MB0000033U.000304.1.P";
    static final String ZHAO_LIU_SUSPENDED = "1.2.156.3005.2.11100000000000000102.11320100MB0000011N.000107.1.P";
    static final String ZHAO_LIU_UNKNOWN_ISSUER = "1.2.156.3005.2.11100000000000000102.11320100MB0000099P.000108.1.Q";
    static final String ZHAO_LIU_WRONG_CHECK = "1.2.156.3005.2.11100000000000000401.11320100MB00000443.000403.1.3";

    private DemoLicenceFiles() {
    }

    static List<Licence> licences() {
        List<Licence> all = new ArrayList<>();
        for (JsonNode node : classpath("seeds/licences/licences.json").get("licences")) {
            all.add(convert(node, Licence.class));
        }
        return all;
    }

    static Licence licence(String identifier) {
        return licences().stream().filter(l -> l.identifier().equals(identifier)).findFirst().orElseThrow();
    }

    static TrustList trustList() {
        List<TrustedIssuer> issuers = new ArrayList<>();
        classpath("seeds/licences/trust-list.json").get("issuers").forEach(i -> issuers.add(convert(i, TrustedIssuer.class)));
        return new TrustList(issuers);
    }

    /** A demo issuer's private key, from seeds/licences/demo-issuer-keys.json (on no classpath: read from the checkout). */
    static PrivateKey issuerKey(String issuerCode) {
        try {
            for (JsonNode issuer : JSON.readTree(Path.of("../seeds/licences/demo-issuer-keys.json").toFile()).get("issuers")) {
                if (issuer.get("issuerCode").asText().equals(issuerCode)) {
                    return LicenceSignatures.privateKey(issuer.get("privateKey").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no demo key of " + issuerCode);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode classpath(String resource) {
        try (InputStream in = DemoLicenceFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
