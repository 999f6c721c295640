package org.onewindow.schemas.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The kind of government power an item exercises, as the national catalogue classifies them. */
public enum ItemType {
    LICENSING("licensing", "行政许可"),
    CONFIRMATION("confirmation", "行政确认"),
    COLLECTION("collection", "行政征收"),
    PAYMENT("payment", "行政给付"),
    PUBLIC_SERVICE("public-service", "公共服务"),
    OTHER_POWER("other-power", "其他行政权力");

    private final String code;
    private final String nameZh;

    ItemType(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    @JsonCreator
    public static ItemType ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown item type " + code));
    }
}
