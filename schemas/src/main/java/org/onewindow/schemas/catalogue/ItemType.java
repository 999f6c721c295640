package org.onewindow.schemas.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The kind of government power an item exercises, as the national catalogue of government services classifies them:
 * the six kinds of application-based powers (依申请六类: 行政许可, 行政给付, 行政确认, 行政裁决, 行政奖励, 其他行政权力),
 * public services (公共服务), and the other kinds the catalogue uses (行政征收).
 */
public enum ItemType {
    LICENSING("licensing", "行政许可", "Administrative licensing", true),
    PAYMENT("payment", "行政给付", "Administrative payment", true),
    CONFIRMATION("confirmation", "行政确认", "Administrative confirmation", true),
    ADJUDICATION("adjudication", "行政裁决", "Administrative adjudication", true),
    REWARD("reward", "行政奖励", "Administrative reward", true),
    OTHER_POWER("other-power", "其他行政权力", "Other administrative power", true),
    PUBLIC_SERVICE("public-service", "公共服务", "Public service", false),
    COLLECTION("collection", "行政征收", "Administrative levy", false);

    private final String code;
    private final String nameZh;
    private final String englishName;
    private final boolean applicationBased;

    ItemType(String code, String nameZh, String englishName, boolean applicationBased) {
        this.code = code;
        this.nameZh = nameZh;
        this.englishName = englishName;
        this.applicationBased = applicationBased;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String englishName() {
        return englishName;
    }

    /** One of the six kinds of application-based powers (依申请六类行政权力事项). */
    public boolean applicationBased() {
        return applicationBased;
    }

    @JsonCreator
    public static ItemType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown item type " + code));
    }
}
