package org.onewindow.hub.catalogue;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A waiting limit as configuration writes it: in working time on the catalogue's calendar ("2 working days",
 * "8 working hours", "30 working minutes"), which is what the hall's rules use (DESIGN.md rule 7), or as elapsed
 * time ("90s", "2m", an ISO-8601 duration), for short technical limits and tests only.
 *
 * @param workingMinutes the limit in working minutes, or -1 when it is elapsed time
 * @param workingDays    true when it was given in working days (one working day is one day's office hours)
 * @param elapsed        the elapsed-time limit, or null when it is working time
 */
public record WorkingDuration(long workingMinutes, boolean workingDays, long days, Duration elapsed, String text) {

    private static final Pattern WORKING = Pattern.compile("(\\d+)\\s*working\\s+(day|hour|minute)s?");
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    /** Parses "2 working days", "8 working hours", "30 working minutes", "90s", "2m", "1h", "500ms" or "PT2M". */
    public static WorkingDuration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher working = WORKING.matcher(value);
        if (working.matches()) {
            long amount = Long.parseLong(working.group(1));
            return switch (working.group(2)) {
                case "day" -> new WorkingDuration(-1, true, amount, null, text.trim());
                case "hour" -> new WorkingDuration(amount * 60, false, 0, null, text.trim());
                default -> new WorkingDuration(amount, false, 0, null, text.trim());
            };
        }
        Matcher elapsed = SHORT.matcher(value);
        if (elapsed.matches()) {
            long amount = Long.parseLong(elapsed.group(1));
            Duration duration = switch (elapsed.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return new WorkingDuration(-1, false, 0, duration, text.trim());
        }
        try {
            return new WorkingDuration(-1, false, 0, Duration.parse(text.trim()), text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a waiting limit: write it as \"2 working days\", "
                    + "\"8 working hours\", \"30 working minutes\", or as elapsed time (\"90s\", \"2m\")");
        }
    }

    public boolean isElapsedTime() {
        return elapsed != null;
    }

    @Override
    public String toString() {
        return text;
    }
}
