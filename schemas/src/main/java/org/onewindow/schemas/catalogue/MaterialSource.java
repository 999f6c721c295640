package org.onewindow.schemas.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who holds a material: only the applicant, a licence some department issued, or a department's record. */
public enum MaterialSource {
    APPLICANT("applicant"), LICENCE("licence"), SHARED_DATA("shared-data");

    private final String code;

    MaterialSource(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static MaterialSource ofCode(String code) {
        for (MaterialSource source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown material source " + code);
    }
}
