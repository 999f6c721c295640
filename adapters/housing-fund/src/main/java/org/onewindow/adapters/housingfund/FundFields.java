package org.onewindow.adapters.housingfund;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.adapters.kit.DepartmentContractException;
import org.onewindow.adapters.kit.JsonReplies;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads the centre's fields into the hub's formats: its dates are yyyyMMdd and its months yyyyMM. */
final class FundFields {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");

    private FundFields() {
    }

    static String text(JsonNode data, String field) {
        return JsonReplies.requiredText(HousingFundMapping.DEPARTMENT, data, "/" + field);
    }

    /** yyyyMMdd as yyyy-MM-dd. */
    static String date(JsonNode data, String field) {
        String value = text(data, field);
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).toString();
        } catch (DateTimeParseException e) {
            throw new DepartmentContractException(HousingFundMapping.DEPARTMENT + " sent " + field + " " + value
                    + ", not a date yyyyMMdd", e);
        }
    }

    /** yyyyMM as yyyy-MM. */
    static String month(JsonNode data, String field) {
        String value = text(data, field);
        try {
            return YearMonth.parse(value, MONTH).toString();
        } catch (DateTimeParseException e) {
            throw new DepartmentContractException(HousingFundMapping.DEPARTMENT + " sent " + field + " " + value
                    + ", not a month yyyyMM", e);
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
