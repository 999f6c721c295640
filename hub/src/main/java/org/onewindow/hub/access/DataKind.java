package org.onewindow.hub.access;

/** The kinds of personal data whose reads the access log records. */
public enum DataKind {
    /** an e-licence (电子证照) from the provincial e-licence library */
    LICENCE,
    /** a record a department holds, shared under a sharing agreement (共享协议) */
    SHARED_DATA,
    /** a case (办件) as a person reads it: the applicant, the form, the results (an operator stating a reason) */
    CASE,
    /** a one-time notice (一次性告知单): what an applicant holds and must bring */
    NOTICE
}
