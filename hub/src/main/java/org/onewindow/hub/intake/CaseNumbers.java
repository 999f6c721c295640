package org.onewindow.hub.intake;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Case numbers (办件编号) the applicant can read out at the window: OW, the date, and ten characters of
 * Crockford base32 (no I, L, O, U) drawn at random, e.g. {@code OW20261123-7KQ2M9XD4F}. Fifty random
 * bits keep collisions unlikely at any volume a province has; the primary key catches the rest.
 */
@Component
class CaseNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final ZoneId zone;

    CaseNumbers(Clock clock, IntakeProperties properties) {
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    String next() {
        return next("OW");
    }

    /** A one-time notice's number (告知单编号): the same shape, prefixed NT. */
    String nextNotice() {
        return next("NT");
    }

    private String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append(LocalDate.now(clock.withZone(zone)).format(DAY)).append('-');
        long bits = random.nextLong();
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return id.toString();
    }
}
