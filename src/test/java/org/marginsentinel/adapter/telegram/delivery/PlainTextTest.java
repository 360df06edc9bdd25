package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void dropsTags_andUnescapesEntities() {
        assertThat(PlainText.of("<b>⚠️ DANGER</b> #1 <code>BTCUSDT</code> &lt;5% &amp; falling &quot;fast&quot; &#39;"))
                .isEqualTo("⚠️ DANGER #1 BTCUSDT <5% & falling \"fast\" '");
    }

    @Test
    void keepsWhatIsNotATag_theKindOfTextTelegramCouldNotParse() {
        assertThat(PlainText.of("margin < 5 and <b>bold")).isEqualTo("margin < 5 and bold");
        assertThat(PlainText.of("a <a href=\"https://x\">link</a>")).isEqualTo("a link");
    }
}
