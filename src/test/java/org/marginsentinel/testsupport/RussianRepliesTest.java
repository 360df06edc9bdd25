package org.marginsentinel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RussianRepliesTest {

    @Test
    void findsEnglishWordsAndLabels_wholeWords_inAnyCase() {
        assertThat(RussianReplies.englishWordsIn("✅ Открыта по 80 000,00 · Entry 80 000,00 · Liq. 72 289,16 away"))
                .containsExactly("Entry", "Liq", "away");
        assertThat(RussianReplies.englishWordsIn("🔴 DANGER: маржа")).containsExactly("DANGER");
        assertThat(RussianReplies.englishWordsIn("#1 BTCUSDT LONG 0,1 · #2 ETHUSDT SHORT")).as("side words")
                .containsExactly("LONG", "SHORT");
        assertThat(RussianReplies.englishWordsIn("Синтаксис: /whatif <long|short> <символ>"))
                .as("lower case: the keywords a trader types").isEmpty();
        assertThat(RussianReplies.englishWordsIn("позиция изолированная · Марк 81 341,20")).isEmpty();
        assertThat(RussianReplies.englishWordsIn("themes, settle, isolatedX")).as("whole words only").isEmpty();
        assertThatThrownBy(() -> RussianReplies.assertRussian("Ваша position")).hasMessageContaining("position");
    }

    @Test
    void setsAsideCommandsSymbolsUnitsAndUrls() {
        assertThat(RussianReplies.englishWordsIn("Синтаксис: /long <символ> <размер> [isolated|cross] — откроет\n"
                + "Марк BTCUSDT 1 000,00 USDT · PnL +5,00 · ROE 1% · ADL · Margin Sentinel · https://example.org/the/price"))
                .isEmpty();
        assertThat(RussianReplies.englishWordsIn("/alerts isolated 15% 7% 3% — пороги\nisolated")).containsExactly("isolated");
        assertThat(RussianReplies.englishWordsIn("Синтаксис: /close <#|symbol|all> [<percent>%]"))
                .as("a syntax line's placeholders are prose").containsExactly("symbol", "percent");
        assertThat(RussianReplies.englishWordsIn("Синтаксис: /chart <#|символ|pool|watch <n> <монета>> [<часы>h] [isolated]"))
                .isEmpty();
    }
}
