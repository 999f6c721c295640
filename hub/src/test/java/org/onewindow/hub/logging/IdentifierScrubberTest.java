package org.onewindow.hub.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierScrubberTest {

    @Test
    void masksIdNumbersAndCreditCodesWhereverTheyStandAlone() {
        assertThat(IdentifierScrubber.scrub("{\"idNumber\":\"11010519491231002X\",\"employer\":\"91320102MA1XYW123R\"}"))
                .isEqualTo("{\"idNumber\":\"110105********002X\",\"employer\":\"913201********123R\"}");
        assertThat(IdentifierScrubber.scrub("张三11010519491231002X的申请")).isEqualTo("张三110105********002X的申请");
        assertThat(IdentifierScrubber.scrub("id=320102198001011238;")).isEqualTo("id=320102********1238;");
    }

    @Test
    void leavesTheIssuerCodeOfALicenceIdentifierWholeButNotTheHolderNextToIt() {
        assertThat(IdentifierScrubber.scrub("read 1.2.156.3005.2.11100000000000000101.11320100MB1234011N.000101.1.6 of 11010519491231002X."))
                .isEqualTo("read 1.2.156.3005.2.11100000000000000101.11320100MB1234011N.000101.1.6 of 110105********002X.");
        assertThat(IdentifierScrubber.scrub("version 1.11010519491231002X.2")).isEqualTo("version 1.110105********002X.2");
    }

    @Test
    void leavesCaseNumbersLongerDigitRunsAndOrdinaryWordsAlone() {
        String text = "case OW20261124-9PK2R4V7QH task 330000-OW20261124-ANRCRM1Z7P-01 order 1234567890123456789 "
                + "SHARED-DATA-DELIVERED company-registration";
        assertThat(IdentifierScrubber.scrub(text)).isEqualTo(text);
        assertThat(IdentifierScrubber.scrub(null)).isNull();
    }
}
