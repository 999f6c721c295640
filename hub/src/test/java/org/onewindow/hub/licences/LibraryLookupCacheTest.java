package org.onewindow.hub.licences;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onewindow.hub.outbound.LookupCache;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.schemas.licences.Licence;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A holder's licences of one type, looked up for one purpose, are kept for the verification cache's lifetime: the next
 * case of the same holder, type and purpose is answered without a request to the library (the simulator's journal
 * shows none) and still gets its own access-log row. "None held" and failures are not kept, another purpose asks
 * again, and a status change in the library's feed drops the kept look-up of that licence.
 *
 * <p>Each test looks up for a purpose of its own, so nothing another test of the shared context kept is reused here.
 */
class LibraryLookupCacheTest extends HubTest {

    private static final String COMPANY = "91320102MA1XYW123R";
    private static final String LI_SI = "440305199003013458";

    @Autowired
    LicenceLibrary library;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FeedStatuses feedStatuses;

    private final List<StubMapping> addedStubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        addedStubs.forEach(provincial()::removeStub);
        addedStubs.clear();
    }

    @Test
    void aSecondLookUpWithinTheTtlAsksTheLibraryNoMoreButIsStillLogged() {
        String purpose = "营业执照核验-" + UUID.randomUUID();
        String firstCase = "OW-LOOKUP-" + UUID.randomUUID().toString().substring(0, 8);
        String secondCase = "OW-LOOKUP-" + UUID.randomUUID().toString().substring(0, 8);

        List<Licence> first = library.find("hall-xuanwu", COMPANY, "business-licence", purpose, firstCase);
        List<Licence> second = library.find("hall-gulou", COMPANY, "business-licence", purpose, secondCase);

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(queries(purpose)).as("the second case was answered from the kept look-up").isEqualTo(1);
        assertThat(accessLog(firstCase)).containsExactly("GRANTED hall-xuanwu business-licence " + first.get(0).identifier());
        assertThat(accessLog(secondCase)).as("a kept answer is still a read, logged for the case it serves")
                .containsExactly("GRANTED hall-gulou business-licence " + first.get(0).identifier() + LookupCache.FROM_CACHE);

        // another purpose is another look-up
        String otherPurpose = "营业执照核验-" + UUID.randomUUID();
        library.find("hall-xuanwu", COMPANY, "business-licence", otherPurpose, firstCase);
        assertThat(queries(otherPurpose)).isEqualTo(1);
    }

    @Test
    void noneHeldAndFailuresAreNotKept() {
        String purpose = "食品经营许可核验-" + UUID.randomUUID();
        String caseId = "OW-LOOKUP-" + UUID.randomUUID().toString().substring(0, 8);
        // 张三 holds no food business licence in the library
        assertThat(library.find("hall-xuanwu", "11010519491231002X", "food-business-licence", purpose, caseId)).isEmpty();
        assertThat(library.find("hall-xuanwu", "11010519491231002X", "food-business-licence", purpose, caseId)).isEmpty();
        assertThat(queries(purpose)).as("a licence issued a moment later must be found by the next case").isEqualTo(2);

        String failingPurpose = "营业执照核验-" + UUID.randomUUID();
        addStub(post(urlPathEqualTo("/gateway/api/v1/e-licences/queries")).withRequestBody(containing(failingPurpose))
                .atPriority(1).willReturn(serverError()).build());
        assertThatThrownBy(() -> library.find("hall-xuanwu", COMPANY, "business-licence", failingPurpose, caseId))
                .isInstanceOf(LicenceLibraryUnavailableException.class).hasMessageContaining("HTTP 500");
        removeStubs();
        assertThat(library.find("hall-xuanwu", COMPANY, "business-licence", failingPurpose, caseId)).isNotEmpty();
        assertThat(queries(failingPurpose)).as("the failure was not kept: the library was asked again").isEqualTo(2);
    }

    @Test
    void aStatusChangeInTheFeedDropsTheKeptLookUpOfThatLicence() {
        String purpose = "身份证核验-" + UUID.randomUUID();
        String caseId = "OW-LOOKUP-" + UUID.randomUUID().toString().substring(0, 8);
        List<Licence> found = library.find("hall-xuanwu", LI_SI, "resident-id-card", purpose, caseId);
        library.find("hall-xuanwu", LI_SI, "resident-id-card", purpose, caseId);
        assertThat(queries(purpose)).isEqualTo(1);
        String revoked = found.get(0).identifier();

        // the library publishes the revocation (吊销) in its feed, polled every second in tests
        long sequence = System.currentTimeMillis();
        publish(sequence, revoked, "REVOKED");
        try {
            // from the poll that reads it on, the next look-up asks the library again
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                library.find("hall-xuanwu", LI_SI, "resident-id-card", purpose, caseId);
                assertThat(queries(purpose)).as("the kept look-up holding the revoked licence was dropped").isEqualTo(2);
            });
            assertThat(feedStatuses.of(revoked)).isPresent();
            library.find("hall-xuanwu", LI_SI, "resident-id-card", purpose, caseId);
            assertThat(queries(purpose)).as("the fresh answer is kept again").isEqualTo(2);
        } finally {
            // the shared context's other tests verify this licence as VALID: the feed says so again
            removeStubs();
            publish(sequence + 1, revoked, "VALID");
            await().atMost(Duration.ofSeconds(15)).until(() -> feedStatuses.of(revoked).isEmpty());
            removeStubs();
        }
    }

    private void publish(long sequence, String identifier, String status) {
        addStub(get(urlPathEqualTo("/gateway/api/v1/e-licences/status-changes")).atPriority(1)
                .willReturn(okJson("""
                        {"changes":[{"sequence":%d,"identifier":"%s","status":"%s","changedAt":"2026-12-01T02:00:00Z"}]}"""
                        .formatted(sequence, identifier, status))).build());
    }

    /** Look-ups the simulator received for this purpose (its request journal). */
    private int queries(String purpose) {
        return provincial().findAll(postRequestedFor(urlPathEqualTo("/gateway/api/v1/e-licences/queries"))
                .withRequestBody(containing(purpose))).size();
    }

    private List<String> accessLog(String caseId) {
        return jdbc.sql("SELECT outcome, caller, what FROM data_access_log WHERE case_id = ? ORDER BY id").param(caseId)
                .query((row, n) -> row.getString("outcome") + " " + row.getString("caller") + " " + row.getString("what")).list();
    }

    private void addStub(StubMapping stub) {
        provincial().addStubMapping(stub);
        addedStubs.add(stub);
    }

    private WireMockServer provincial() {
        return simulators.server("provincial").orElseThrow();
    }
}
