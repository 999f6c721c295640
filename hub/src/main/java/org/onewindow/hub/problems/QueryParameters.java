package org.onewindow.hub.problems;

import java.util.List;

/** Reads query parameters the hub validates itself, so that every bad one is listed as a fault, not a 500 or a guess. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A whole number from {@code min} to {@code max}; anything else (negative, too large, not a number) adds a fault
     * naming the parameter and answers {@code min}.
     */
    public static int wholeNumber(String name, String value, int min, int max, List<Fault> faults) {
        if (value != null && value.strip().matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        }
        String shown = value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
        faults.add(new Fault(name, "range", "must be a whole number from " + min + " to " + max + ", not \"" + shown + "\""));
        return min;
    }
}
