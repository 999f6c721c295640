package org.onewindow.schemas.catalogue;

import java.util.List;

/**
 * One service a department provides (政务服务事项).
 *
 * @param legalLimitDays    法定时限, in working days
 * @param promisedLimitDays 承诺时限, in working days; 0 for an immediate item (即办件)
 * @param produces          data items its completion produces, shared under the sharing agreements
 * @param issues            licence types its completion issues, so a later step of a bundle need not ask for them
 */
public record Item(
        String code,
        String name,
        String nameZh,
        ItemType type,
        String department,
        int legalLimitDays,
        int promisedLimitDays,
        Handling handling,
        List<MaterialRequirement> materials,
        List<String> produces,
        List<String> issues) {

    public Item {
        materials = materials == null ? List.of() : List.copyOf(materials);
        produces = produces == null ? List.of() : List.copyOf(produces);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /** 即办件 finish at the window; 承诺件 within the promised working days. */
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
