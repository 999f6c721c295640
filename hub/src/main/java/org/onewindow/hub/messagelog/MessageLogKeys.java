package org.onewindow.hub.messagelog;

/**
 * The message log's keys, for guards and auditors: the setting that names the signing key, and the fingerprints
 * (SHA-256 of the certificate's DER) of the public DEMO keys in seeds/security, which must never sign a production
 * log. A production guard refuses to start while {@link MessageLog#usesDemoKey()} is true, naming
 * {@link #SIGNING_KEY_SETTING}.
 */
public final class MessageLogKeys {

    /** Where the SM2 key that signs seals is read from (PEM, PKCS#8); environment ONEWINDOW_MESSAGE_LOG_SIGNING_KEY. */
    public static final String SIGNING_KEY_SETTING = "onewindow.message-log.signing.key";
    /** Its certificate (PEM). */
    public static final String SIGNING_CERTIFICATE_SETTING = "onewindow.message-log.signing.certificate";
    /** The external time-stamping authority's URL; empty: the local demo authority in the hub's process. */
    public static final String TIME_STAMPING_URL_SETTING = "onewindow.message-log.time-stamping.url";

    /** seeds/security/message-log-signing-certificate.pem. */
    public static final String DEMO_SIGNER_FINGERPRINT = "0b456c135c3700e66f12499e694665874f582e77903d0568678d1398b05afaf8";
    /** seeds/security/tsa-certificate.pem. */
    public static final String DEMO_TSA_FINGERPRINT = "b3d9e5b70a363b23edbe68229a3615b47460ce3a8706d39e913cd3d28e686908";

    private MessageLogKeys() {
    }
}
