package org.onewindow.schemas.catalogue;

import java.util.List;

/**
 * One service a department provides (政务服务事项).
 *
 * @param legalLimit    法定时限, as the regulation in {@code legalBasis} states it (working days or hours, calendar days,
 *                      or none where no law sets one)
 * @param promisedLimit 承诺时限, the hall's own, in working days or working hours; 0 working days for an immediate
 *                      item (即办件); never more than the legal limit
 * @param legalBasis    the regulation, article and date the legal limit comes from
 * @param produces          data items its completion produces, shared under the sharing agreements
 * @param issues            licence types its completion issues, so a later step of a bundle need not ask for them
 */
public record Item(
        String code,
        String name,
        String nameZh,
        ItemType type,
        String department,
        TimeLimit legalLimit,
        TimeLimit promisedLimit,
        LegalBasis legalBasis,
        Handling handling,
        List<MaterialRequirement> materials,
        List<String> produces,
        List<String> issues) {

    public Item {
        materials = materials == null ? List.of() : List.copyOf(materials);
        produces = produces == null ? List.of() : List.copyOf(produces);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /** 即办件 finish at the window; 承诺件 within the promised working time. */
    public enum Handling {
        IMMEDIATE, PROMISED;

        @com.fasterxml.jackson.annotation.JsonCreator
        static Handling of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
