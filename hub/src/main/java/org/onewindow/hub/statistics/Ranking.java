package org.onewindow.hub.statistics;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The department ranking (部门排名) of a range: by the share of completed tasks finished by their deadline (按期办结率,
 * early + on time ÷ completed) highest first, then the satisfaction rate (满意率) highest first, then fewer red cards;
 * a department without a figure (nothing completed, nothing rated) comes after every one with it. Departments equal in
 * all three share a rank (1, 2, 2, 4 …) and are listed by their code.
 */
@Component
class Ranking {

    record RankingRow(int rank, String department, String departmentName, BigDecimal onTimeRate, BigDecimal satisfactionRate,
                      long redCards, long completed, long evaluations, BigDecimal avgHandlingDays, StatsRow figures) {
    }

    static final Comparator<StatsRow> ORDER = Comparator
            .comparing(StatsRow::onTimeRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(StatsRow::satisfactionRate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparingLong(StatsRow::redCards);

    private final Figures figures;

    Ranking(Figures figures) {
        this.figures = figures;
    }

    List<RankingRow> rank(LocalDate from, LocalDate to) {
        List<StatsRow> rows = new ArrayList<>(figures.rows(Periods.whole(from, to), Grouping.DEPARTMENT, null));
        rows.sort(ORDER.thenComparing(StatsRow::department));
        List<RankingRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StatsRow row = rows.get(i);
            int rank = i > 0 && ORDER.compare(rows.get(i - 1), row) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankingRow(rank, row.department(), row.departmentName(), row.onTimeRate(), row.satisfactionRate(),
                    row.redCards(), row.completed(), row.evaluations(), row.avgHandlingDays(), row));
        }
        return ranked;
    }
}
