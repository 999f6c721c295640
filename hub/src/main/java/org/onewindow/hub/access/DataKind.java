package org.onewindow.hub.access;

/** The kinds of personal data whose reads the access log records. */
public enum DataKind {
    /** an e-licence (电子证照) from the provincial e-licence library */
    LICENCE,
    /** a record a department holds, shared under a sharing agreement (共享协议) */
    SHARED_DATA
}
