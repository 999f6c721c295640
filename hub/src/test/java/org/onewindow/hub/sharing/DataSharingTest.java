package org.onewindow.hub.sharing;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.onewindow.seeds.simulators.DepartmentSimulators;
import org.onewindow.hub.testkit.HubClient;
import org.onewindow.hub.testkit.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.onewindow.hub.testkit.CaseWaits.awaitStatus;
import static org.onewindow.hub.testkit.DemoApplicants.ZHANG_SAN;
import static org.onewindow.hub.testkit.DemoApplicants.flatTransfer;
import static org.onewindow.hub.testkit.DemoApplicants.item;

/** Data a department produces reaches exactly the departments a sharing agreement entitles, and nobody else. */
class DataSharingTest extends HubTest {

    @LocalServerPort
    int port;
    @Autowired
    DepartmentSimulators simulators;
    @Autowired
    DataShareStore shares;

    @Test
    void aRegisteredTransferReachesTaxAndTheProvinceAndNoOneElse() {
        HubClient hub = new HubClient(port);
        String caseId = hub.submitAccepted(UUID.randomUUID().toString(), flatTransfer("张三", ZHANG_SAN));
        awaitStatus(hub, caseId, "COMPLETED", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(shares.ofCase(caseId))
                .allSatisfy(share -> assertThat(share.status()).isEqualTo(DataShareStatus.DELIVERED)));

        assertThat(shares.ofCase(caseId)).extracting(DataShareStore.DataShare::dataItem, DataShareStore.DataShare::consumer,
                        DataShareStore.DataShare::agreement)
                .containsExactlyInAnyOrder(
                        tuple("deed-tax-payment", "real-estate", "SA-TAX-PAYMENT-RE"),
                        tuple("registered-transfer", "tax", "SA-RE-TRANSFER-TAX"),
                        tuple("registered-transfer", "provincial", "SA-RE-TRANSFER-PROVINCE"));
        // what each department's system actually received about this case's transfer
        assertThat(requestsMentioning("tax", caseId, "registered-transfer")).hasSize(1);
        assertThat(requestsMentioning("provincial", caseId, "registered-transfer")).hasSize(1);
        assertThat(requestsMentioning("police", caseId, "registered-transfer")).isEmpty();
        assertThat(requestsMentioning("social-insurance", caseId, "registered-transfer")).isEmpty();
        assertThat(requestsMentioning("police", caseId, "")).isEmpty();
        assertThat(requestsMentioning("social-insurance", caseId, "")).isEmpty();
        assertThat(requestsMentioning("medical-insurance", caseId, "")).isEmpty();
    }

    @Test
    void taxAndSocialInsuranceExchangePaymentRecords() {
        HubClient hub = new HubClient(port);
        String taxCase = hub.submitAccepted(UUID.randomUUID().toString(), item("TAX-PAYMENT-CERTIFICATE", "PERSON", "张三", ZHANG_SAN, "{}"));
        String siCase = hub.submitAccepted(UUID.randomUUID().toString(), item("SI-PAYMENT-CERTIFICATE", "PERSON", "张三", ZHANG_SAN, "{}"));
        awaitStatus(hub, taxCase, "COMPLETED", Duration.ofSeconds(20));
        awaitStatus(hub, siCase, "COMPLETED", Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(requestsMentioning("social-insurance", taxCase, "tax-payment-record")).hasSize(1);
            assertThat(requestsMentioning("tax", siCase, "si-payment-record")).hasSize(1);
        });
        // tax payment records go to social insurance (SA-TAX-SI-PAYMENT) and to medical insurance (SA-TAX-MI-PAYMENT)
        assertThat(shares.ofCase(taxCase)).extracting(DataShareStore.DataShare::consumer).containsOnly("social-insurance", "medical-insurance");
        assertThat(shares.ofCase(siCase)).extracting(DataShareStore.DataShare::consumer).containsOnly("tax");
    }

    private List<LoggedRequest> requestsMentioning(String department, String caseId, String dataItem) {
        return simulators.server(department).orElseThrow().findAll(anyRequestedFor(anyUrl())
                .withRequestBody(containing(caseId)).withRequestBody(containing(dataItem)));
    }
}
