package org.onewindow.hub.security;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header rules without regular expressions decide exactly as Spring Security's expressions do. */
class HeaderCharactersTest {

    // StrictHttpFirewall's own (spring-security-web 6.5)
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsSpringSecurityJudgesIt() {
        int allowed = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            boolean name = HeaderCharacters.allowedName(text);
            boolean value = HeaderCharacters.allowedValue(text);
            assertThat(name).as("name U+%04X", codePoint).isEqualTo(NAMES.matcher(text).matches());
            assertThat(value).as("value U+%04X", codePoint).isEqualTo(VALUES.matcher(text).matches());
            allowed += value ? 1 : 0;
        }
        // most code points are assigned and few are controls: the comparison saw both answers many times
        assertThat(allowed).isBetween(200_000, Character.MAX_CODE_POINT);
    }

    @Test
    void tokensTabsControlsAndLoneSurrogatesAsSpringSecurityJudgesThem() {
        for (String text : new String[]{"", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJoYWxsIn0.c2ln", "a\tb", "a\u0085b", "a\u007fb",
                "\u0000", "张三 玄武区", "\ud83d\ude00", "\ud83d", "a\ude00b", "\r\n"}) {
            assertThat(HeaderCharacters.allowedName(text)).as("name %s", text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.allowedValue(text)).as("value %s", text).isEqualTo(VALUES.matcher(text).matches());
        }
    }
}
