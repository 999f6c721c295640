package org.onewindow.hub.province;

import java.time.Instant;

/**
 * What the province's answer or summary showed about a case's records that the hub did not expect.
 *
 * @param hubSequence      what the hub had: the highest sequence it had acknowledged, or the record concerned
 * @param provinceSequence what the province reported: its last sequence of the case, or the sequence it holds twice
 * @param source           where it was seen: "send" (an answer to a record) or "reconciliation" (a day's summary)
 */
record Anomaly(String caseId, Kind kind, long hubSequence, long provinceSequence, String source, String detail,
               Instant detectedAt) {

    enum Kind {
        /** the province lacks records the hub counted as delivered: they are sent again */
        GAP,
        /** the province holds a sequence twice, or one the hub never made */
        REPEAT
    }
}
