package org.onewindow.hub.messagelog;

import java.nio.charset.Charset;

/**
 * A message body as the log records it: its SHA-256 and length always, its bytes only where
 * {@code onewindow.message-log.keep-bodies.<party>} says so (the log drops them otherwise).
 *
 * @param sha256  lower-case hex SHA-256 of the bytes as they went over the wire; null when the body was not seen
 *                whole (e.g. a container error page, a body refused before it was read)
 * @param bytes   its length; null when not known
 * @param content the bytes themselves, or null
 */
public record Body(String sha256, Long bytes, byte[] content) {

    private static final Body UNSEEN = new Body(null, null, null);

    /** The body of these bytes; the array is kept by reference, not copied. */
    public static Body of(byte[] data) {
        byte[] bytes = data == null ? new byte[0] : data;
        return new Body(Hashes.hex(Hashes.sha256(bytes)), (long) bytes.length, bytes);
    }

    public static Body of(String text, Charset charset) {
        return of(text == null ? new byte[0] : text.getBytes(charset));
    }

    /** A body that could not be seen whole; {@code bytes} as declared, if known. */
    public static Body unseen(Long declaredBytes) {
        return declaredBytes == null ? UNSEEN : new Body(null, declaredBytes, null);
    }

    /** The same body without its bytes: what is stored for a party whose bodies are not kept. */
    Body withoutContent() {
        return content == null ? this : new Body(sha256, bytes, null);
    }
}
