package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.adapter.telegram.alerts.Notices.d;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;

/** The words of every proactive notice, exactly as the user reads them (HTML). */
class NoticeTextTest {

    @Test
    void positionWarning_saysLevelPriceDistance_andTheMarginThatHelps() {
        String text = NoticeText.of(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)));

        assertThat(text).isEqualTo("<b>🟠 DANGER</b> · #1 <b>BTCUSDT LONG</b> 0.1 (isolated 20x)\n"
                + "Mark 78,500.00 · liquidation 77,584.48 · <b>1.17% away</b>\n"
                + "👉 Add 250.40 USDT margin to move the liquidation price to 75,000.00 (/margin 1 add 251), "
                + "or close it (/close 1).");
    }

    @Test
    void positionWarning_criticalReminder_saysItRepeats_withoutAdviceAmounts() {
        Notice.PositionWarning reminder = new Notice.PositionWarning(Notices.USER, 3, Notices.btcLong(),
                Notices.reminder(), null, null);

        assertThat(NoticeText.of(reminder)).startsWith("<b>🔴 CRITICAL</b> · #3 ")
                .contains("👉 Add margin (/margin 3 add &lt;amount&gt;) or close it (/close 3).")
                .endsWith("\n<i>Still critical; reminder every 10 minutes.</i>");
    }

    @Test
    void positionWarning_withOdds_showsThem_andWhetherTheyTriggeredIt() {
        Notice.PositionWarning warning = new Notice.PositionWarning(Notices.USER, 1, Notices.btcLong(),
                Notices.sent(RiskLevel.WARNING), null, null, d("0.3443"), true, null);

        assertThat(NoticeText.of(warning)).startsWith("<b>🟡 WARNING</b>")
                .contains("🎲 Odds of liquidation within 24 h: <b>34.43%</b> (your odds alert)\n");
    }

    @Test
    void poolWarning_saysRatioBalances_andBothWaysOut() {
        String text = NoticeText.of(Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)));

        assertThat(text).isEqualTo("<b>🔴 CRITICAL</b> · cross pool margin ratio <b>85.00%</b> (liquidation at 100%)\n"
                + "Margin balance 1,200.00 USDT · maintenance 1,020.00 USDT\n"
                + "👉 Close 26% of your cross positions, or deposit 1,350.50 USDT, to bring the ratio under 70.00%.");
    }

    @Test
    void drain_saysHowFastAndWhatDrainsIt() {
        assertThat(NoticeText.of(Notices.drain())).isEqualTo("<b>📉 Your cross pool is draining</b>: margin balance "
                + "down 25.00% within the hour (−400.00 USDT per hour).\n"
                + "Margin balance now 1,200.00 USDT, ratio 85.00%. At this rate it reaches liquidation in about "
                + "1 h 35 min.\nDraining it most: <b>ETHUSDT</b>.\n"
                + "👉 /risk shows the pool; reduce or /deposit before it is too late.");
    }

    @Test
    void isolatedLiquidation_saysWhatWasLost_andWhatWouldHaveSavedIt() {
        assertThat(NoticeText.of(Notices.isolatedLiquidated())).isEqualTo("<b>⛔ LIQUIDATED</b> · #1 "
                + "<b>BTCUSDT LONG</b> 0.1 at mark 77,500.00 (liquidation price 77,584.48)\n"
                + "Lost: its isolated margin, 406.71 USDT. Nothing else in your account was touched: that is what "
                + "isolated margin is for.\n"
                + "💡 120.33 USDT more margin would have kept it open through this move with a 5% buffer.");
    }

    @Test
    void crossLiquidation_escapesPositionNames() {
        assertThat(NoticeText.of(Notices.crossLiquidated())).isEqualTo("<b>⛔ CROSS POOL LIQUIDATED</b>: "
                + "#2 ETHUSDT LONG 1.5, #3 SOL&lt;USDT&gt; SHORT 10 closed.\n"
                + "Lost: the whole cross wallet, 3,000.00 USDT. Isolated positions keep their own margin.\n"
                + "💡 A deposit of 800.00 USDT would have kept the pool alive with a buffer.");
    }

    @Test
    void feedPausedAndResumed() {
        assertThat(NoticeText.of(new Notice.FeedPaused(Notices.USER, Duration.ofSeconds(150))))
                .startsWith("⏸ No prices have arrived for 2 min. Warnings and paper liquidations are paused");
        assertThat(NoticeText.of(new Notice.FeedResumed(Notices.USER)))
                .isEqualTo("▶️ Prices are flowing again: warnings and liquidations are back on.");
    }

    @Test
    void duration_inMinutes_thenHours() {
        assertThat(NoticeText.duration(Duration.ofSeconds(10))).isEqualTo("1 min");
        assertThat(NoticeText.duration(Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(NoticeText.duration(Duration.ofMinutes(120))).isEqualTo("2 h");
    }
}
