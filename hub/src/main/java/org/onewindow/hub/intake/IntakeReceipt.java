package org.onewindow.hub.intake;

/** The answer to a submission: 202 with this body, the same for every repeat of the same request. */
public record IntakeReceipt(String caseId, String status) {
}
