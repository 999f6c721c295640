package org.onewindow.hub.materials;

import org.junit.jupiter.api.Test;
import org.onewindow.hub.outbound.LookupCache;
import org.onewindow.hub.testkit.HubTest;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared record found through the data exchange is kept for the verification cache's lifetime: the next case of the
 * same holder, owner, data item, consumer, agreement and purpose is answered without a query to the exchange (the
 * simulator's journal shows none), still with an access-log row of its own; "none held" is asked again every time.
 */
class DataExchangeLookupCacheTest extends HubTest {

    private static final Holder COMPANY = new Holder("91320102MA1XYW123R", "南京味道餐饮有限公司");

    @Autowired
    SharedDataExchange exchange;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordFoundIsKeptForTheSamePurposeAndNoneHeldIsNot() {
        String purpose = "社保单位登记核验-" + UUID.randomUUID();
        String firstCase = "OW-DX-" + UUID.randomUUID().toString().substring(0, 8);
        String secondCase = "OW-DX-" + UUID.randomUUID().toString().substring(0, 8);

        LookupOutcome first = exchange.query("hall-xuanwu", "social-insurance", "unit-registration", "market-regulation",
                null, COMPANY, purpose, firstCase);
        LookupOutcome second = exchange.query("hall-gulou", "social-insurance", "unit-registration", "market-regulation",
                null, COMPANY, purpose, secondCase);

        assertThat(first.kind()).as(first.detail()).isEqualTo(LookupOutcome.Kind.FOUND);
        assertThat(second.kind()).isEqualTo(LookupOutcome.Kind.FOUND);
        assertThat(second.reference()).isEqualTo(first.reference()).isEqualTo("SI-UNIT-32010220260001");
        assertThat(second.verifiedAt()).as("verified when the exchange answered").isEqualTo(first.verifiedAt());
        assertThat(queries(purpose)).as("the second case was answered from the kept look-up").isEqualTo(1);
        assertThat(accessLog(secondCase)).as("a kept answer is still a read, logged for the case it serves").containsExactly(
                "GRANTED hall-gulou unit-registration from social-insurance SI-UNIT-32010220260001" + LookupCache.FROM_CACHE);

        // the company's own record of another data item the owner does not hold: asked every time
        String nonePurpose = "社保单位登记核验-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            LookupOutcome none = exchange.query("hall-xuanwu", "social-insurance", "no-such-item", "market-regulation",
                    null, COMPANY, nonePurpose, firstCase);
            assertThat(none.kind()).as(none.detail()).isNotEqualTo(LookupOutcome.Kind.FOUND);
        }
        assertThat(queries(nonePurpose)).isEqualTo(2);
    }

    private int queries(String purpose) {
        return simulators.server("provincial").orElseThrow().findAll(
                postRequestedFor(urlPathEqualTo("/gateway/api/v1/data-exchange/queries")).withRequestBody(containing(purpose))).size();
    }

    private List<String> accessLog(String caseId) {
        return jdbc.sql("SELECT outcome, caller, what FROM data_access_log WHERE case_id = ? ORDER BY id").param(caseId)
                .query((row, n) -> row.getString("outcome") + " " + row.getString("caller") + " " + row.getString("what")).list();
    }
}
