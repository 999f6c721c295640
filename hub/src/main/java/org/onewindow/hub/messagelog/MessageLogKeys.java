package org.onewindow.hub.messagelog;

/**
 * The message log's keys, for guards and auditors: the setting that names the signing key, and the fingerprints
 * (SHA-256 of the certificate's DER) of the public DEMO keys in seeds/security, which must never sign a production
 * log. The production profile refuses to start while {@link #SIGNING_KEY_SETTING} names the demo key, or no external
 * time-stamping authority is named and {@link #LOCAL_TIME_STAMPING_KEY_SETTING} is the demo one
 * (org.onewindow.hub.security.ProductionSafety); {@link MessageLog#usesDemoKey()} tells a running hub.
 */
public final class MessageLogKeys {

    /** Where the SM2 key that signs seals is read from (PEM, PKCS#8); environment ONEWINDOW_MESSAGE_LOG_SIGNING_KEY. */
    public static final String SIGNING_KEY_SETTING = "onewindow.message-log.signing.key";
    /** Its certificate (PEM). */
    public static final String SIGNING_CERTIFICATE_SETTING = "onewindow.message-log.signing.certificate";
    /** The external time-stamping authority's URL; empty: the local demo authority in the hub's process. */
    public static final String TIME_STAMPING_URL_SETTING = "onewindow.message-log.time-stamping.url";
    /** The local time-stamping authority's key (used when no external authority is named). */
    public static final String LOCAL_TIME_STAMPING_KEY_SETTING = "onewindow.message-log.time-stamping.local.key";

    /** Where the demo keys are on the classpath (seeds/security), for guards to compare against. */
    public static final String DEMO_SIGNING_KEY = "classpath:seeds/security/message-log-signing-key.pem";
    public static final String DEMO_TIME_STAMPING_KEY = "classpath:seeds/security/tsa-key.pem";

    /** seeds/security/message-log-signing-certificate.pem. */
    public static final String DEMO_SIGNER_FINGERPRINT = "0b456c135c3700e66f12499e694665874f582e77903d0568678d1398b05afaf8";
    /** seeds/security/tsa-certificate.pem. */
    public static final String DEMO_TSA_FINGERPRINT = "b3d9e5b70a363b23edbe68229a3615b47460ce3a8706d39e913cd3d28e686908";

    private MessageLogKeys() {
    }
}
