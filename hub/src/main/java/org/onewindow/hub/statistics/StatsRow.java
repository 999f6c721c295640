package org.onewindow.hub.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of one period and one department (or item). Counts are whole numbers; ratios are 0..1 with 4 decimals
 * (null when nothing was there to divide by); handling time is in working days with 2 decimals.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record StatsRow(
        String period, LocalDate from, LocalDate to,
        String department, String departmentName, String itemCode, String itemName,
        long accepted, long completed, long early, long onTime, long overdue, BigDecimal onTimeRate,
        BigDecimal avgHandlingDays, BigDecimal legalSpeedUp, BigDecimal promiseCompression,
        long yellowCards, long redCards,
        long materials, long exemptMaterials, BigDecimal exemptionRatio,
        long evaluations, long completedCases, long activelyRatedCases, BigDecimal activeRate,
        long satisfied, BigDecimal satisfactionRate, long badEvaluations, long badRectified, BigDecimal rectifiedRate) {
}
