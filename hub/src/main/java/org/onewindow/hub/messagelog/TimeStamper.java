package org.onewindow.hub.messagelog;

/** An RFC 3161 time-stamping authority (时间戳服务): in process by default, or one reached over HTTP. */
interface TimeStamper {

    /**
     * A time-stamp token over a SHA-256 digest.
     *
     * @return the TimeStampToken, DER (a CMS SignedData)
     * @throws TimeStampUnavailableException when the authority cannot be reached or refuses
     */
    byte[] stamp(byte[] sha256);

    /** For logs and health: which authority. */
    String describe();

    final class TimeStampUnavailableException extends RuntimeException {
        TimeStampUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
