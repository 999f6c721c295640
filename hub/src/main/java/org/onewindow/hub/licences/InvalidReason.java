package org.onewindow.hub.licences;

/** Why an e-licence does not verify; a verification lists every reason that applies, in this order. */
public enum InvalidReason {
    /** the identifier is malformed or its MOD 37,36 check character is wrong */
    BAD_CHECK_CHARACTER,
    /** the issuer's SM2 signature does not match the licence's content */
    BAD_SIGNATURE,
    /** the issuer is not on the trust list, or may not issue this type of licence */
    UNKNOWN_ISSUER,
    /** 暂扣 */
    SUSPENDED,
    /** 撤销 */
    CANCELLED,
    /** 注销 */
    DEREGISTERED,
    /** 吊销 */
    REVOKED,
    /** its last day of validity has passed */
    EXPIRED,
    /** its first day of validity has not come */
    NOT_YET_VALID,
    /** it is not the expected holder's */
    HOLDER_MISMATCH
}
