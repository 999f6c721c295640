package org.onewindow.schemas.licences;

/** The status of an e-licence in the library (证照状态); in JSON the enum names. */
public enum LicenceStatus {
    /** 有效 */
    VALID,
    /** 暂扣: suspended for a time by the issuer */
    SUSPENDED,
    /** 撤销: cancelled, as if never issued (e.g. issued on false information) */
    CANCELLED,
    /** 注销: deregistered (the holder gave it up, died, the company closed) */
    DEREGISTERED,
    /** 吊销: revoked as a penalty */
    REVOKED
}
