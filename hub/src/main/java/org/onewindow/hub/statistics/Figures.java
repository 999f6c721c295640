package org.onewindow.hub.statistics;

import org.onewindow.hub.catalogue.ServiceCatalogue;
import org.onewindow.hub.catalogue.WorkingCalendar;
import org.onewindow.schemas.catalogue.Department;
import org.onewindow.schemas.catalogue.Item;
import org.onewindow.schemas.catalogue.TimeLimit;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures of a range, per period and department or item, computed from the stored facts ({@link StatisticsStore})
 * on the catalogue's working calendar (DESIGN.md rule 7). The definitions are the README's "Statistics (统计)" table.
 * Legal and promised limits are compared with handling time in working minutes ({@link WorkingCalendar#limitMinutes}):
 * a working day is one day's office hours, a working hour 60 minutes, a limit in calendar days the fewest working days
 * it can hold; an item no law gives a limit (or a limit of the same day, 当日) is left out of both figures.
 */
@Component
class Figures {

    private final StatisticsStore store;
    private final WorkingCalendar calendar;
    private final ServiceCatalogue catalogue;

    Figures(StatisticsStore store, WorkingCalendar calendar, ServiceCatalogue catalogue) {
        this.store = store;
        this.calendar = calendar;
        this.catalogue = catalogue;
    }

    /** What is counted for one period and one code. */
    private static final class Tally {
        long accepted;
        long completed;
        long early;
        long onTime;
        long overdue;
        long handlingMinutes;
        long legalTasks;
        long legalHandlingMinutes;
        long legalMinutes;
        BigDecimal compressionSum = BigDecimal.ZERO;
        long compressionTasks;
        long yellow;
        long red;
        long materials;
        long exempt;
        final Set<String> completedCases = new HashSet<>();
        final Set<String> activelyRatedCases = new HashSet<>();
        final Set<Long> evaluations = new HashSet<>();
        final Set<Long> satisfied = new HashSet<>();
        final Set<Long> bad = new HashSet<>();
        final Set<Long> rectified = new HashSet<>();
    }

    private record Key(int slot, String code) {
    }

    /** One row per period of the range and per code (every code with a fact in the range, or only {@code only}). */
    List<StatsRow> rows(Periods periods, Grouping grouping, String only) {
        ZoneBounds range = bounds(periods);
        Map<Key, Tally> tallies = new HashMap<>();
        Set<String> codes = new TreeSet<>();
        java.util.function.BiFunction<LocalDate, String, Tally> tally = (day, code) -> {
            int slot = periods.indexOf(day);
            if (slot < 0 || code == null || (only != null && !only.equals(code))) {
                return null;
            }
            codes.add(code);
            return tallies.computeIfAbsent(new Key(slot, code), k -> new Tally());
        };

        for (StatisticsStore.Accepted task : store.accepted(range.from(), range.to())) {
            Tally t = tally.apply(day(task.acceptedAt()), code(grouping, task.department(), task.itemCode()));
            if (t != null) {
                t.accepted++;
            }
        }
        for (StatisticsStore.Completed task : store.completed(range.from(), range.to())) {
            Tally t = tally.apply(day(task.finishedAt()), code(grouping, task.department(), task.itemCode()));
            if (t != null) {
                complete(t, task);
            }
        }
        for (StatisticsStore.Card card : store.cards(range.from(), range.to())) {
            Tally t = tally.apply(day(card.issuedAt()), code(grouping, card.department(), card.itemCode()));
            if (t != null) {
                if ("RED".equals(card.colour())) {
                    t.red++;
                } else {
                    t.yellow++;
                }
            }
        }
        for (StatisticsStore.Materials m : store.materials(range.from(), range.to())) {
            String department = catalogue.item(m.itemCode()).map(Item::department).orElse(null);
            Tally t = tally.apply(day(m.acceptedAt()), code(grouping, department, m.itemCode()));
            if (t != null) {
                t.materials += m.all();
                t.exempt += m.exempt();
            }
        }
        Map<Long, Map<String, List<StatisticsStore.Ticket>>> tickets = new HashMap<>();
        for (StatisticsStore.Ticket ticket : store.tickets(range.from(), range.to())) {
            tickets.computeIfAbsent(ticket.evaluationId(), k -> new HashMap<>())
                    .computeIfAbsent(ticket.department(), k -> new ArrayList<>()).add(ticket);
        }
        for (StatisticsStore.Rated rated : store.evaluations(range.from(), range.to())) {
            Tally t = tally.apply(day(rated.evaluatedAt()), code(grouping, rated.department(), rated.itemCode()));
            if (t == null) {
                continue;
            }
            t.evaluations.add(rated.evaluationId());
            if (rated.level() >= 3) {
                t.satisfied.add(rated.evaluationId());
            }
            if (rated.level() <= 2) {
                t.bad.add(rated.evaluationId());
                // rectified in time: the rated department's every ticket for it answered by its due time
                List<StatisticsStore.Ticket> own = tickets.getOrDefault(rated.evaluationId(), Map.of()).getOrDefault(rated.department(), List.of());
                if (!own.isEmpty() && own.stream().allMatch(StatisticsStore.Ticket::answeredInTime)) {
                    t.rectified.add(rated.evaluationId());
                }
            }
        }

        List<StatsRow> rows = new ArrayList<>();
        if (only != null) {
            codes.add(only);
        }
        for (Periods.Slot slot : periods.slots()) {
            for (String code : codes) {
                rows.add(row(slot, grouping, code, tallies.getOrDefault(new Key(slot.index(), code), new Tally())));
            }
        }
        return rows;
    }

    private void complete(Tally t, StatisticsStore.Completed task) {
        t.completed++;
        Instant deadline = task.deadlineAt() != null ? task.deadlineAt() : calendar.plusWorkingMinutes(calendar.deadline(task.acceptedAt(),
                task.promisedWorkingDays() != null ? TimeLimit.workingDays(task.promisedWorkingDays())
                        : catalogue.item(task.itemCode()).map(Item::promisedLimit).orElse(TimeLimit.workingDays(0))), task.stoppedMinutes());
        if (task.finishedAt().isAfter(deadline)) {
            t.overdue++;
        } else if (day(task.finishedAt()).isBefore(day(deadline))) {
            t.early++;
        } else {
            t.onTime++;
        }
        long minutes = Math.max(0, calendar.workingMinutesBetween(task.acceptedAt(), task.finishedAt()) - task.stoppedMinutes());
        t.handlingMinutes += minutes;
        Item item = catalogue.item(task.itemCode()).orElse(null);
        long legal = item == null ? 0 : legalMinutes(item);
        if (legal > 0) {
            t.legalTasks++;
            t.legalHandlingMinutes += minutes;
            t.legalMinutes += legal;
            t.compressionSum = t.compressionSum.add(compression(item));
            t.compressionTasks++;
        }
        t.completedCases.add(task.caseId());
        if (task.activelyRated()) {
            t.activelyRatedCases.add(task.caseId());
        }
    }

    /** The item's legal limit in working minutes; 0 when no law sets one, or it is the same day (当日). */
    private long legalMinutes(Item item) {
        OptionalLong legal = calendar.limitMinutes(item.legalLimit());
        return legal.orElse(0);
    }

    /** 承诺压缩比 of an item with a legal limit: 1 − promised ÷ legal time limit (both in working minutes), unrounded. */
    private BigDecimal compression(Item item) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(calendar.limitMinutes(item.promisedLimit()).orElse(0))
                .divide(BigDecimal.valueOf(legalMinutes(item)), 12, RoundingMode.HALF_UP));
    }

    private StatsRow row(Periods.Slot slot, Grouping grouping, String code, Tally t) {
        String department;
        String departmentName;
        String itemCode = null;
        String itemName = null;
        BigDecimal compression;
        if (grouping == Grouping.ITEM) {
            Item item = catalogue.item(code).orElse(null);
            itemCode = code;
            itemName = item == null ? null : item.nameZh();
            department = item == null ? null : item.department();
            compression = item == null || legalMinutes(item) <= 0 ? null : compression(item).setScale(4, RoundingMode.HALF_UP);
        } else {
            department = code;
            compression = t.compressionTasks == 0 ? null
                    : t.compressionSum.divide(BigDecimal.valueOf(t.compressionTasks), 4, RoundingMode.HALF_UP);
        }
        departmentName = department == null ? null : catalogue.department(department).map(Department::nameZh).orElse(null);
        long perDay = calendar.minutesPerDay();
        BigDecimal avgDays = t.completed == 0 ? null
                : BigDecimal.valueOf(t.handlingMinutes).divide(BigDecimal.valueOf(t.completed * perDay), 2, RoundingMode.HALF_UP);
        // 1 − (ΣH ÷ n) ÷ (ΣL ÷ n) = (ΣL − ΣH) ÷ ΣL, both in working minutes (a legal limit of n working days is n × minutes a day)
        BigDecimal speedUp = t.legalTasks == 0 ? null
                : ratio(t.legalMinutes - t.legalHandlingMinutes, t.legalMinutes);
        return new StatsRow(slot.label(), slot.from(), slot.to(), department, departmentName, itemCode, itemName,
                t.accepted, t.completed, t.early, t.onTime, t.overdue, ratio(t.early + t.onTime, t.completed),
                avgDays, speedUp, compression, t.yellow, t.red,
                t.materials, t.exempt, ratio(t.exempt, t.materials),
                t.evaluations.size(), t.completedCases.size(), t.activelyRatedCases.size(),
                ratio(t.activelyRatedCases.size(), t.completedCases.size()),
                t.satisfied.size(), ratio(t.satisfied.size(), t.evaluations.size()),
                t.bad.size(), t.rectified.size(), ratio(t.rectified.size(), t.bad.size()));
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    private static String code(Grouping grouping, String department, String itemCode) {
        return grouping == Grouping.DEPARTMENT ? department : itemCode;
    }

    private LocalDate day(Instant at) {
        return calendar.localDate(at);
    }

    private record ZoneBounds(Instant from, Instant to) {
    }

    private ZoneBounds bounds(Periods periods) {
        return new ZoneBounds(periods.from().atStartOfDay(calendar.zone()).toInstant(),
                periods.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }
}
