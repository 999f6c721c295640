package org.onewindow.seeds.licences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.schemas.identity.ResidentIdNumberValidator;
import org.onewindow.schemas.identity.UnifiedSocialCreditCodeValidator;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.schemas.licences.LicenceIdentifier;
import org.onewindow.schemas.licences.LicenceSignatures;
import org.onewindow.schemas.licences.LicenceStatus;
import org.onewindow.schemas.licences.TrustedIssuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed demo licences are what the generator makes, verify as they should, and the generator is reproducible. */
class DemoLicencesTest {

    private static final Path SEEDS = Path.of("").toAbsolutePath().resolve("../seeds").normalize();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @TempDir
    Path copy;

    @Test
    void rerunningTheGeneratorWithTheStoredKeysChangesNoByte() throws IOException {
        Files.createDirectories(copy.resolve("licences"));
        Files.copy(SEEDS.resolve(DemoLicences.KEYS), copy.resolve(DemoLicences.KEYS));
        Files.copy(SEEDS.resolve(DemoLicences.LICENCES), copy.resolve(DemoLicences.LICENCES));
        new DemoLicences(copy).generate(false);
        Map<String, String> first = read(copy);
        new DemoLicences(copy).generate(false);
        assertThat(read(copy)).isEqualTo(first);
        // and what is committed is exactly what the generator writes
        assertThat(first).isEqualTo(read(SEEDS));
    }

    @Test
    void newKeysSignEverythingAfreshAndTheResultStillVerifies() throws IOException {
        new DemoLicences(copy).generate(true);
        assertThat(read(copy).get(DemoLicences.TRUST_LIST)).isNotEqualTo(read(SEEDS).get(DemoLicences.TRUST_LIST));
        assertThat(faultsByIdentifier(copy).values().stream().filter(List::isEmpty).count()).isEqualTo(13);
    }

    @Test
    void everySeededLicenceVerifiesAgainstTheTrustListExceptTheDeliberatelyBadOnes() throws IOException {
        Map<String, List<String>> faults = faultsByIdentifier(SEEDS);
        Map<String, Licence> licences = licences(SEEDS).stream().collect(Collectors.toMap(Licence::identifier, Function.identity()));
        Map<String, List<String>> bad = faults.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(e -> licences.get(e.getKey()).identifier().split("\\.")[7], Map.Entry::getValue));
        assertThat(bad).isEqualTo(Map.of(
                "000106", List.of("EXPIRED"),
                "000304", List.of("REVOKED"),
                "000107", List.of("SUSPENDED"),
                "000108", List.of("UNKNOWN_ISSUER"),
                "000403", List.of("BAD_CHECK_CHARACTER")));
        assertThat(bad.keySet()).containsExactlyInAnyOrderElementsOf(DemoPopulation.badSerials());
        // the bad ones are all 赵六's, so they never disturb anyone else's
        faults.forEach((id, f) -> {
            if (!f.isEmpty()) {
                assertThat(licences.get(id).holderName()).isEqualTo("赵六");
            }
        });
        assertThat(faults).hasSize(18);
    }

    @Test
    void holdersAndIssuersCarryValidNumbers() throws IOException {
        for (Licence l : licences(SEEDS)) {
            Optional<String> fault = l.holderIdType().equals(Licence.ID_CARD)
                    ? ResidentIdNumberValidator.fault(l.holderId(), TODAY) : UnifiedSocialCreditCodeValidator.fault(l.holderId());
            assertThat(fault).as(l.holderName() + " " + l.holderId()).isEmpty();
            assertThat(UnifiedSocialCreditCodeValidator.fault(l.issuerCode())).as(l.issuer()).isEmpty();
        }
        assertThat(UnifiedSocialCreditCodeValidator.fault("91320102MA1XYW123R")).isEmpty();
    }

    @Test
    void theLibraryStubFileHoldsOneMappingPerQueryAndLicence() throws IOException {
        JsonNode stubs = json.readTree(SEEDS.resolve(DemoLicences.STUBS).toFile());
        // status-changes, two refusals, 16 holder/type queries, the empty query, 18 licences, not found
        assertThat(stubs.get("mappings").size()).isEqualTo(1 + 2 + 16 + 1 + 18 + 1);
        assertThat(org.onewindow.seeds.simulators.DepartmentSimulatorsAccess.mappings(
                Files.readString(SEEDS.resolve(DemoLicences.STUBS))).size()).isEqualTo(39);
    }

    /** What a verifier must find wrong with each seeded licence (the hub's LicenceVerifier does it for real). */
    private Map<String, List<String>> faultsByIdentifier(Path seeds) throws IOException {
        Map<String, TrustedIssuer> trusted = new java.util.HashMap<>();
        json.readTree(seeds.resolve(DemoLicences.TRUST_LIST).toFile()).get("issuers")
                .forEach(i -> trusted.put(i.get("issuerCode").asText(), json.convertValue(i, TrustedIssuer.class)));
        Map<String, List<String>> faults = new java.util.LinkedHashMap<>();
        for (Licence l : licences(seeds)) {
            List<String> f = new ArrayList<>();
            if (LicenceIdentifier.fault(l.identifier()).isPresent()) {
                f.add("BAD_CHECK_CHARACTER");
            }
            TrustedIssuer issuer = trusted.get(l.issuerCode());
            if (issuer == null || !issuer.mayIssue(l.licenceType())) {
                f.add("UNKNOWN_ISSUER");
            } else if (!LicenceSignatures.verify(l, issuer.key())) {
                f.add("BAD_SIGNATURE");
            }
            if (l.status() != LicenceStatus.VALID) {
                f.add(l.status().name());
            }
            if (l.validTo() != null && l.validTo().isBefore(TODAY)) {
                f.add("EXPIRED");
            }
            faults.put(l.identifier(), f);
        }
        return faults;
    }

    private List<Licence> licences(Path seeds) throws IOException {
        List<Licence> all = new ArrayList<>();
        for (JsonNode node : json.readTree(seeds.resolve(DemoLicences.LICENCES).toFile()).get("licences")) {
            all.add(json.treeToValue(node, Licence.class));
        }
        return all;
    }

    private static Map<String, String> read(Path seeds) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String file : List.of(DemoLicences.KEYS, DemoLicences.TRUST_LIST, DemoLicences.LICENCES, DemoLicences.STUBS)) {
            files.put(file, Files.readString(seeds.resolve(file)));
        }
        return files;
    }
}
