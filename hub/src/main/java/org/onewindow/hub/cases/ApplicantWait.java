package org.onewindow.hub.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The case waits for the applicant (等待申请人): its task's clock stands still from {@code startedAt} until the applicant
 * answers ({@code endedAt}).
 *
 * @param kind           DEFERRED_MATERIAL (容缺: a material to bring by {@code dueBy}) or CORRECTION (补正: a department asked)
 * @param subject        the material's code, or what the department asked to correct
 * @param requestedBy    who opened the wait: the hub at acceptance, or the department
 * @param stoppedMinutes the working minutes the clock stood still, once the wait is over
 */
public record ApplicantWait(long waitId, String caseId, String taskId, Kind kind, String subject, String requestedBy,
                            LocalDate dueBy, Instant startedAt, Instant endedAt, Long stoppedMinutes, String answer,
                            String answeredBy) {

    public enum Kind {
        /** 容缺受理: accepted without a non-essential material, to be brought by a deadline */
        DEFERRED_MATERIAL,
        /** 补正: the department asked the applicant to correct or complete the application */
        CORRECTION
    }
}
