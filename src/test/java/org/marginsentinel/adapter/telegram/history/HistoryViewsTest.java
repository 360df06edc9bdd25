package org.marginsentinel.adapter.telegram.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.history.DayPnl;
import org.marginsentinel.application.history.PnlByDay;
import org.marginsentinel.application.history.PnlPeriod;
import org.marginsentinel.application.port.ClosedTrade;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.domain.margin.Side;

/** /pnl's caption and /trades' lines in both languages: the same figures, each language's words, dates and numbers. */
class HistoryViewsTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);

    private static final ClosedTrade LIQUIDATED = new ClosedTrade(7, 3, "BTCUSDT", Side.LONG, new BigDecimal("97000"),
            new BigDecimal("88000.5"), new BigDecimal("1.5"), new BigDecimal("-13500.75"), new BigDecimal("-72.10"),
            new BigDecimal("-1.25"), Instant.parse("2031-12-01T10:00:00Z"), Instant.parse("2031-12-03T14:05:00Z"),
            ExitKind.LIQUIDATION, false);

    @Test
    void tradeLine_inEnglish_isAsBefore() {
        assertThat(TradesCommand.line(LIQUIDATED, EN)).isEqualTo("#3 <b>BTCUSDT LONG</b> · ⛔ liquidated · Dec 3 14:05\n"
                + "1.5 BTC · entry 97,000.00 → exit 88,000.50 · held 2 d 4 h\n"
                + "PnL −13,500.75 · fees −72.10 · funding −1.25 · <b>net −13,574.10</b>");
    }

    @Test
    void tradeLine_inRussian_hasRussianWordsMonthAndNumbers() {
        assertThat(TradesCommand.line(LIQUIDATED, RU)).isEqualTo(nbsp("#3 <b>BTCUSDT ЛОНГ</b> · ⛔ ликвидирована · 3 дек. 14:05\n"
                + "1,5 BTC · вход 97 000,00 → выход 88 000,50 · держали 2 д 4 ч\n"
                + "PnL −13 500,75 · комиссии −72,10 · фандинг −1,25 · <b>итого −13 574,10</b>"));
    }

    @Test
    void tradeLine_namesTheSideInTheReadersWords() {
        ClosedTrade stoppedShort = new ClosedTrade(8, 4, "ETHUSDT", Side.SHORT, new BigDecimal("3000"),
                new BigDecimal("3100"), BigDecimal.ONE, new BigDecimal("-100"), new BigDecimal("-3.05"),
                BigDecimal.ZERO, Instant.parse("2031-12-01T10:00:00Z"), Instant.parse("2031-12-01T11:00:00Z"),
                ExitKind.STOP_LOSS, false);

        assertThat(TradesCommand.line(stoppedShort, EN)).startsWith("#4 <b>ETHUSDT SHORT</b> · ");
        assertThat(TradesCommand.line(stoppedShort, RU)).startsWith("#4 <b>ETHUSDT ШОРТ</b> · ")
                .doesNotContain("SHORT");
        assertThat(TradesCommand.line(LIQUIDATED, RU)).doesNotContain("LONG");
    }

    @Test
    void durations_inBothLanguages() {
        assertThat(TradesCommand.duration(Duration.ofSeconds(42), EN)).isEqualTo("42 s");
        assertThat(TradesCommand.duration(Duration.ofMinutes(75), EN)).isEqualTo("1 h 15 min");
        assertThat(TradesCommand.duration(Duration.ofSeconds(42), RU)).isEqualTo("42 с");
        assertThat(TradesCommand.duration(Duration.ofMinutes(75), RU)).isEqualTo("1 ч 15 мин");
    }

    @Test
    void pnlCaption_inBothLanguages_withTheDayWrittenAsTheLanguageDoes() {
        DayPnl monday = new DayPnl(LocalDate.parse("2031-12-01"), new BigDecimal("1250.5"), new BigDecimal("-3.2"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        DayPnl tuesday = new DayPnl(LocalDate.parse("2031-12-02"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("-0.4"), new BigDecimal("-500"));
        PnlByDay pnl = new PnlByDay(PnlPeriod.WEEK, List.of(monday, tuesday), new DayPnl(LocalDate.parse("2031-12-02"),
                new BigDecimal("1250.5"), new BigDecimal("-3.2"), new BigDecimal("-0.4"), new BigDecimal("-500")));

        assertThat(PnlCommand.caption(PnlCommand.heading(PnlPeriod.WEEK, EN), pnl, EN)).isEqualTo(
                "📊 <b>PnL, last 7 days (UTC days)</b>\n<b>Net +746.90 USDT</b> = PnL +1,250.50 · fees −3.20 · "
                        + "funding −0.40 · liquidations −500.00\n"
                        + "Tue Dec 2: <b>−500.40</b> (PnL 0.00, fees 0.00, funding −0.40, liq. −500.00)\n"
                        + "Mon Dec 1: <b>+1,247.30</b> (PnL +1,250.50, fees −3.20)");
        assertThat(PnlCommand.caption(PnlCommand.heading(PnlPeriod.WEEK, RU), pnl, RU)).isEqualTo(nbsp(
                "📊 <b>PnL, последние 7 дней (дни по UTC)</b>\n<b>Итого +746,90 USDT</b> = PnL +1 250,50 · "
                        + "комиссии −3,20 · фандинг −0,40 · ликвидации −500,00\n"
                        + "вт, 2 дек.: <b>−500,40</b> (PnL 0,00, комиссии 0,00, фандинг −0,40, ликв. −500,00)\n"
                        + "пн, 1 дек.: <b>+1 247,30</b> (PnL +1 250,50, комиссии −3,20)"));
    }

    /** Russian groups digits with a no-break space, so a number never wraps: written here as a plain space. */
    private static String nbsp(String text) {
        return text.replaceAll("(?<=\\d) (?=\\d)", "\u00A0");
    }
}
