package org.onewindow.hub.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a query's range, in order: every period that touches {@code from}..{@code to} (both included), each
 * cut to the range, so that the first and last may be partial (their {@code from}/{@code to} say so).
 */
final class Periods {

    /** One period of the range: its label and the dates of the range it covers. */
    record Slot(int index, String label, LocalDate from, LocalDate to) {
        boolean holds(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private final Period period;
    private final List<Slot> slots;
    private final LocalDate from;
    private final LocalDate to;
    private final java.util.TreeMap<LocalDate, Integer> starts = new java.util.TreeMap<>();

    Periods(Period period, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(from + " is after " + to);
        }
        this.period = period;
        this.from = from;
        this.to = to;
        List<Slot> list = new ArrayList<>();
        for (LocalDate start = period.start(from); !start.isAfter(to); start = period.end(start).plusDays(1)) {
            LocalDate a = start.isBefore(from) ? from : start;
            LocalDate end = period.end(start);
            list.add(new Slot(list.size(), period.label(start), a, end.isAfter(to) ? to : end));
        }
        this.slots = List.copyOf(list);
        this.slots.forEach(slot -> starts.put(slot.from(), slot.index()));
    }

    /** The whole range as one period (a ranking's), labelled as an ISO 8601 interval of dates. */
    static Periods whole(LocalDate from, LocalDate to) {
        return new Periods(from, to);
    }

    private Periods(LocalDate from, LocalDate to) {
        this.period = null;
        this.from = from;
        this.to = to;
        this.slots = List.of(new Slot(0, from + "/" + to, from, to));
        starts.put(from, 0);
    }

    /** The kind of period, or null for {@link #whole}. */
    Period period() {
        return period;
    }

    LocalDate from() {
        return from;
    }

    LocalDate to() {
        return to;
    }

    List<Slot> slots() {
        return slots;
    }

    /** The slot holding this day, or -1 outside the range. */
    int indexOf(LocalDate day) {
        if (day.isBefore(from) || day.isAfter(to)) {
            return -1;
        }
        return starts.floorEntry(day).getValue();
    }
}
