package org.onewindow.hub.materials;

/** How one required material (申请材料) of a case ends up after the hub tried to obtain it itself. */
public enum MaterialStatus {
    /** obtained and verified by the hub (免提交): the applicant is never asked for it */
    EXEMPT,
    /** the applicant must bring it (when they did, the resolution names the document they brought) */
    REQUIRED,
    /** may be brought later, by a deadline (容缺受理) */
    DEFERRED,
    /** the system that holds it is down: the case waits (WAITING_VERIFICATION) instead of asking the applicant */
    UNAVAILABLE
}
