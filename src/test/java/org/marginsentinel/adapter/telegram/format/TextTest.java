package org.marginsentinel.adapter.telegram.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;

class TextTest {

    /** True when the text survives strict UTF-8 encoding, as Telegram needs (a lone surrogate does not). */
    private static boolean encodable(String text) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void shorten_neverCutsAnEmojiInHalf_atAnyLength() {
        String name = "Ada 🚀🚀🚀 Lovelace 👩‍💻 the 🥇 trader 🇺🇦🇺🇦";
        for (int max = 1; max <= name.length() + 1; max++) {
            String shortened = Text.shorten(name, max);
            assertThat(shortened.length()).as("max %d", max).isLessThanOrEqualTo(Math.max(max, 1));
            assertThat(encodable(shortened)).as("'%s' (max %d) is valid UTF-16", shortened, max).isTrue();
            assertThat(shortened).doesNotEndWith("\u200D…");
        }
    }

    @Test
    void shorten_cutsBeforeTheEmoji_whenTheLimitFallsInsideIt() {
        // "abc" + 🚀 (2 chars): a limit of 5 leaves room for 4 chars + "…", which would split the rocket.
        assertThat(Text.shorten("abc🚀def", 5)).isEqualTo("abc…");
        assertThat(Text.shorten("abc🚀def", 6)).isEqualTo("abc🚀…");
        assertThat(Text.shorten("short", 5)).isEqualTo("short");
        assertThat(Text.shorten(null, 5)).isNull();
    }

    @Test
    void prefix_dropsAJoinerLeftAtTheEnd() {
        // 👩‍💻 = woman (2) + ZWJ (1) + laptop (2): cut after the joiner, it is dropped with it.
        assertThat(Text.prefix("x👩‍💻", 4)).isEqualTo("x👩");
        assertThat(Text.prefix("x👩‍💻", 2)).isEqualTo("x");
    }
}
