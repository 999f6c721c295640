package org.onewindow.hub.materials;

import org.onewindow.hub.cases.CaseStatus;
import org.onewindow.hub.cases.CaseStore;
import org.onewindow.hub.departments.CircuitHealth;
import org.onewindow.hub.licences.LicenceLibrary;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The systems material resolution reads from, for operators: whether the e-licence library (电子证照库) and the
 * data exchange (数据共享交换平台) answer (their circuit breakers), and how many cases wait for them. Always UP:
 * while they are down the hub keeps taking cases, which wait in WAITING_VERIFICATION and go on by themselves.
 */
@Component("materialSources")
class MaterialSourcesHealth implements HealthIndicator {

    private final LicenceLibrary library;
    private final SharedDataExchange exchange;
    private final CaseStore cases;

    MaterialSourcesHealth(LicenceLibrary library, SharedDataExchange exchange, CaseStore cases) {
        this.library = library;
        this.exchange = exchange;
        this.cases = cases;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("e-licence-library", CircuitHealth.details(library.circuit()))
                .withDetail("data-exchange", CircuitHealth.details(exchange.circuit()))
                .withDetail("casesWaitingForVerification", cases.countCases(CaseStatus.WAITING_VERIFICATION))
                .build();
    }
}
