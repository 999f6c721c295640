package org.onewindow.hub.statistics;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.problems.Fault;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a statistics request, checked together: every fault is listed in one 400 (problem+json).
 * {@code from} and {@code to} are dates (both included) at most {@value #MAX_DAYS} days apart.
 */
record StatsQuery(Period period, LocalDate from, LocalDate to, String department, String item, boolean csv) {

    static final int MAX_DAYS = 366;

    Periods periods() {
        return new Periods(period, from, to);
    }

    static final class Parser {
        private final List<Fault> faults = new ArrayList<>();
        private final ServiceCatalogue catalogue;

        Parser(ServiceCatalogue catalogue) {
            this.catalogue = catalogue;
        }

        List<Fault> faults() {
            return faults;
        }

        Period period(String value) {
            if (value == null) {
                return Period.DAY;
            }
            return Period.of(value).orElseGet(() -> {
                faults.add(new Fault("period", "unknown", "must be day, week, xun (旬) or month, not \"" + value + "\""));
                return Period.DAY;
            });
        }

        LocalDate date(String name, String value) {
            if (value == null || value.isBlank()) {
                faults.add(new Fault(name, "required", "is required: a date such as 2026-05-04"));
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                faults.add(new Fault(name, "date", "must be a date such as 2026-05-04, not \"" + value + "\""));
                return null;
            }
        }

        void range(LocalDate from, LocalDate to) {
            if (from == null || to == null) {
                return;
            }
            if (from.isAfter(to)) {
                faults.add(new Fault("from", "after-to", "must not be after to (" + from + " is after " + to + ")"));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                faults.add(new Fault("to", "range", "must make a range of at most " + MAX_DAYS + " days with from (both included), not "
                        + (ChronoUnit.DAYS.between(from, to) + 1)));
            }
        }

        String department(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (catalogue.department(value.trim()).isEmpty()) {
                faults.add(new Fault("department", "unknown", "is not a department of the catalogue: \"" + value + "\""));
            }
            return value.trim();
        }

        String item(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (catalogue.item(value.trim()).isEmpty()) {
                faults.add(new Fault("item", "unknown", "is not an item of the catalogue: \"" + value + "\""));
            }
            return value.trim();
        }

        boolean csv(String format, String accept) {
            if (format != null) {
                if (format.equalsIgnoreCase("csv")) {
                    return true;
                }
                if (!format.equalsIgnoreCase("json")) {
                    faults.add(new Fault("format", "unknown", "must be json or csv, not \"" + format + "\""));
                }
                return false;
            }
            return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
        }
    }
}
