package org.onewindow.hub.licences;

/** VALID only when no {@link InvalidReason} applies. */
public enum VerificationResult {
    VALID,
    INVALID
}
