package org.onewindow.hub.messagelog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The unambiguous byte form that is hashed and signed: a format tag, then every field in a fixed order, each
 * a 4-byte big-endian length (-1 for null) followed by its bytes (UTF-8 for text, 8 bytes big-endian for a
 * number). Writing it needs nothing but this class, so any verifier can rebuild it from a record's columns.
 */
final class Canonical {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    Canonical(String format) {
        text(format);
    }

    Canonical text(String value) {
        if (value == null) {
            length(-1);
        } else {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    Canonical number(Long value) {
        if (value == null) {
            length(-1);
        } else {
            length(8);
            long v = value;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (v >>> shift));
            }
        }
        return this;
    }

    /** An instant as microseconds since the epoch: what both databases keep of a timestamp. */
    Canonical instant(Instant value) {
        return number(value == null ? null : micros(value));
    }

    Canonical bytes(byte[] value) {
        if (value == null) {
            length(-1);
        } else {
            length(value.length);
            out.writeBytes(value);
        }
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    private void length(int n) {
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The instant as the databases keep it (microseconds), so a record hashes the same before and after storing. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
