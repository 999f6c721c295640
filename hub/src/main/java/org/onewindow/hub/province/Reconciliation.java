package org.onewindow.hub.province;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One reconciliation (对账) of a day's records with the province's summary of that day.
 *
 * @param hubRecords      the hub's records of the day
 * @param provinceRecords the province's records of the day (its summary's counts)
 * @param resent          records the province lacked, reopened to be sent again
 * @param differences     what differed (a count per service and kind, a case's sequences); empty when all matched
 */
record Reconciliation(LocalDate day, Instant runAt, Outcome outcome, long hubRecords, long provinceRecords, long resent,
                      List<Difference> differences) {

    enum Outcome {
        /** every count and every case's sequences matched */
        MATCHED,
        /** something differed (see differences); records the province lacked were sent again */
        DIFFERED,
        /** the province's summary could not be read */
        FAILED
    }

    /**
     * One difference.
     *
     * @param what     "count" (per service and kind), "missing" (records the province lacks), "repeat" (held twice
     *                 or unknown to the hub), or "unreachable"
     * @param subject  the service and kind ("SI-PERSON-ENROLMENT/ACCEPT") or the case id
     * @param hub      the hub's figure (a count, or the sequences)
     * @param province the province's figure
     */
    record Difference(String what, String subject, String hub, String province) {
    }
}
