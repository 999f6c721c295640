package org.onewindow.schemas.cases;

/** Where the applicant applied: at the comprehensive window (综合窗口), online, or at a self-service kiosk. */
public enum Channel {
    WINDOW, ONLINE, SELF_SERVICE
}
