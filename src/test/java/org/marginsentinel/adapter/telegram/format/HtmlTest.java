package org.marginsentinel.adapter.telegram.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_specialCharacters_becomeTelegramEntities() {
        assertThat(Html.escape("a < b & c > \"d\"")).isEqualTo("a &lt; b &amp; c &gt; &quot;d&quot;");
    }

    @Test
    void escape_plainText_isReturnedUnchanged() {
        String text = "BTCUSDT long 0.5 @ 81,341.20 — fine ✓";
        assertThat(Html.escape(text)).isSameAs(text);
    }

    @Test
    void escape_alreadyEscapedText_isEscapedAgain() {
        assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void escape_null_isEmpty() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void codeAndBold_escapeTheirArgument() {
        assertThat(Html.code("/long <symbol>")).isEqualTo("<code>/long &lt;symbol&gt;</code>");
        assertThat(Html.bold("P&L")).isEqualTo("<b>P&amp;L</b>");
        assertThat(Html.italic("<i>")).isEqualTo("<i>&lt;i&gt;</i>");
    }
}
