package org.onewindow.hub.problems;

import java.util.List;

/** Whole-number query parameters (page, size, cases …), checked so that every bad one is listed in one 400. */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    /** The value as a number from min to max; otherwise a fault is added and min returned. */
    public static int whole(String name, String value, int min, int max, List<Fault> faults) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        faults.add(new Fault(name, "range", "must be a whole number from " + min + " to " + max + ", not \"" + value + "\""));
        return min;
    }
}
