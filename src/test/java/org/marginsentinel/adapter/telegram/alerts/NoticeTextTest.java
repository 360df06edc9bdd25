package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.adapter.telegram.alerts.Notices.d;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;

/** The words of every proactive notice, exactly as the user reads them (HTML). */
class NoticeTextTest {

    private static final Texts EN = Texts.of(Language.EN);

    @Test
    void fundingPaid_saysWhatWasPaid_andWhereTheLiquidationPriceNowIs() {
        Notice.FundingPaid paid = new Notice.FundingPaid(Notices.USER, "9", 2, "BTCUSDT", new java.math.BigDecimal("5"),
                new java.math.BigDecimal("0.001"), new java.math.BigDecimal("47740.96"), new java.math.BigDecimal("0.0452"));

        assertThat(NoticeText.of(paid, EN)).isEqualTo(
                "💸 Funding: #2 BTCUSDT paid 5.00 USDT at 0.1%. Liq. now 47,740.96, 4.52% away.");
    }

    @Test
    void positionWarning_saysLevelPriceDistance_andTheMarginThatHelps() {
        String text = NoticeText.of(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)), EN);

        assertThat(text).isEqualTo("<b>🟠 DANGER</b> · #1 <b>BTCUSDT LONG</b> 0.1 (isolated 20x)\n"
                + "Mark 78,500.00 · liquidation 77,584.48 · <b>1.17% away</b>\n"
                + "👉 <b>Add 250.40 USDT margin</b> (liquidation to 75,000.00): clears your warning level. "
                + "/margin 1 add 250.40\nOther remedies: /risk");
    }

    @Test
    void positionWarning_withASurvivalPlan_recommendsOneAmount_theLarger() {
        Notice.PositionWarning warning = new Notice.PositionWarning(Notices.USER, 1, Notices.btcLong(),
                Notices.sent(RiskLevel.WARNING), d("353.70"), d("75000"), null, false,
                org.marginsentinel.domain.insight.SurvivalPlan.isolated(d("0.12"), d("4255.914"), d("69000")));

        String text = NoticeText.of(warning, EN);
        assertThat(text).contains("👉 <b>Add 4,255.92 USDT margin</b> (liquidation to 69,000.00): clears your warning "
                + "level and survives the move with a 5% chance within 24 h. /margin 1 add 4255.92")
                .doesNotContain("353.70").containsOnlyOnce("Add ");
    }

    @Test
    void positionWarning_needingMoreMarginThanCanBeAdded_recommendsAPartialClose_andSaysWhy() {
        Notice.PositionWarning warning = new Notice.PositionWarning(Notices.USER, 1, Notices.btcLong(),
                Notices.sent(RiskLevel.DANGER), d("1000"), d("75000"), null, false, null,
                new org.marginsentinel.domain.margin.MarginAllowance(d("400"), "only the cross wallet (400.00 USDT) "
                        + "can move, less the cross positions' maintenance margin (0.00 USDT)"));

        assertThat(NoticeText.of(warning, EN)).contains("👉 <b>Close 60% of #1</b>, then add <b>400.00 USDT margin</b> to "
                + "the rest (/margin 1 add 400.00): clears your warning level.\n"
                + "Adding the 1,000.00 USDT it needs is more than you can add now. At most 400.00 USDT can be added: "
                + "only the cross wallet (400.00 USDT) can move, less the cross positions' maintenance margin "
                + "(0.00 USDT).\nOther remedies: /risk").doesNotContain("/margin 1 add 1000");
    }

    @Test
    void positionWarning_criticalReminder_saysItRepeats_withoutAdviceAmounts() {
        Notice.PositionWarning reminder = new Notice.PositionWarning(Notices.USER, 3, Notices.btcLong(),
                Notices.reminder(), null, null);

        assertThat(NoticeText.of(reminder, EN)).startsWith("<b>🔴 CRITICAL</b> · #3 ")
                .contains("👉 Add margin (/margin 3 add &lt;amount&gt;) or close it (/close 3); /risk shows the figures.")
                .endsWith("\n<i>Still critical; reminder every 10 minutes.</i>");
    }

    @Test
    void positionWarning_withOdds_showsThem_andWhetherTheyTriggeredIt() {
        Notice.PositionWarning warning = new Notice.PositionWarning(Notices.USER, 1, Notices.btcLong(),
                Notices.sent(RiskLevel.WARNING), null, null, d("0.3443"), true, null);

        assertThat(NoticeText.of(warning, EN)).startsWith("<b>🟡 WARNING</b>")
                .contains("🎲 Odds of liquidation within 24 h: <b>34.43%</b> (your odds alert)\n");
    }

    @Test
    void poolWarning_saysRatioBalances_andOneWayOut() {
        String text = NoticeText.of(Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)), EN);

        assertThat(text).isEqualTo("<b>🔴 CRITICAL</b> · cross pool margin ratio <b>85.00%</b> (liquidation at 100%)\n"
                + "Margin balance 1,200.00 USDT · maintenance 1,020.00 USDT\n"
                + "👉 <b>Close 26% of every cross position</b>: clears your warning level.\nOther remedies: /risk");
    }

    @Test
    void drain_saysHowFastAndWhatDrainsIt() {
        assertThat(NoticeText.of(Notices.drain(), EN)).isEqualTo("<b>📉 Your cross pool is draining</b>: margin balance "
                + "down 25.00% within the hour (−400.00 USDT per hour).\n"
                + "Margin balance now 1,200.00 USDT, ratio 85.00%. At this rate it reaches liquidation in about "
                + "1 h 35 min.\nDraining it most: <b>ETHUSDT</b>.\n"
                + "👉 /risk shows the pool; reduce or /deposit before it is too late.");
    }

    @Test
    void isolatedLiquidation_saysWhatWasLost_andWhatWouldHaveSavedIt() {
        assertThat(NoticeText.of(Notices.isolatedLiquidated(), EN)).isEqualTo("<b>⛔ LIQUIDATED</b> · #1 "
                + "<b>BTCUSDT LONG</b> 0.1 at mark 77,500.00 (liquidation price 77,584.48)\n"
                + "Lost: its isolated margin, 406.71 USDT. Nothing else in your account was touched: that is what "
                + "isolated margin is for.\n"
                + "💡 120.33 USDT more margin would have kept it open through this move with a 5% buffer.");
    }

    @Test
    void crossLiquidation_escapesPositionNames() {
        assertThat(NoticeText.of(Notices.crossLiquidated(), EN)).isEqualTo("<b>⛔ CROSS POOL LIQUIDATED</b>: "
                + "#2 ETHUSDT LONG 1.5, #3 SOL&lt;USDT&gt; SHORT 10 closed.\n"
                + "Lost: the whole cross wallet, 3,000.00 USDT. Isolated positions keep their own margin.\n"
                + "💡 A deposit of 800.00 USDT would have kept the pool alive with a buffer.");
    }

    @Test
    void feedPausedAndResumed() {
        assertThat(NoticeText.of(new Notice.FeedPaused(Notices.USER, Duration.ofSeconds(150)), EN))
                .startsWith("⏸ No prices have arrived for 2 min. Warnings and paper liquidations are paused");
        assertThat(NoticeText.of(new Notice.FeedResumed(Notices.USER), EN))
                .isEqualTo("▶️ Prices are flowing again: warnings and liquidations are back on.");
    }

    @Test
    void duration_inMinutes_thenHours() {
        assertThat(NoticeText.duration(Duration.ofSeconds(10), EN)).isEqualTo("1 min");
        assertThat(NoticeText.duration(Duration.ofMinutes(59), EN)).isEqualTo("59 min");
        assertThat(NoticeText.duration(Duration.ofMinutes(120), EN)).isEqualTo("2 h");
    }
}
