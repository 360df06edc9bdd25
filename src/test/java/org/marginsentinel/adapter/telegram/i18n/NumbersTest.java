package org.marginsentinel.adapter.telegram.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Figure;

class NumbersTest {

    private final Numbers english = Texts.of(Language.EN).numbers();
    private final Numbers russian = Texts.of(Language.RU).numbers();

    @Test
    void russian_groupsWithANoBreakSpace_andWritesADecimalComma() {
        assertThat(english.usdt(new BigDecimal("-12345.675"))).isEqualTo("−12,345.68 USDT");
        assertThat(russian.usdt(new BigDecimal("-12345.675"))).isEqualTo("−12\u00A0345,68 USDT");
        assertThat(russian.percent(new BigDecimal("0.1234"))).isEqualTo("12,34%");
        assertThat(russian.quantity(new BigDecimal("3333.5"))).isEqualTo("3\u00A0333,5");
        assertThat(russian.count(1_000_000)).isEqualTo("1\u00A0000\u00A0000");
    }

    @Test
    void dates_useTheLanguagesMonthNames() {
        Instant moment = Instant.parse("2026-12-05T14:05:00Z");
        assertThat(english.dayAndTime(moment)).isEqualTo("5 Dec 14:05");
        assertThat(russian.dayAndTime(moment)).startsWith("5 дек").endsWith("14:05");
    }

    @Test
    void aRefusalFromTheApplication_isWordedInTheUsersLanguage_withItsFiguresLocal() {
        CommandRejected rejected = CommandRejected.text("common.notUnderstood.refused", Figure.usdt(new BigDecimal("1500")));

        assertThat(Texts.of(Language.EN).refusal(rejected)).isEqualTo("I don't understand 1,500.00 USDT.");
        assertThat(Texts.of(Language.RU).refusal(rejected)).contains("1\u00A0500,00 USDT");
    }

    @Test
    void aRefusalInTheUsersWordsAlready_isShownAsItIs() {
        assertThat(Texts.of(Language.RU).refusal(new CommandRejected("as it is"))).isEqualTo("as it is");
    }
}
