package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.TelegramBot;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * The bot speaks first: marks move on the fake exchange, the feed polls, and warnings, drain notices and
 * paper liquidations arrive in the user's chat, once each.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class WarningsConversationTest {

    @InjectConversation
    Conversation chat;

    @Inject
    TelegramBot bot;

    @Inject
    RiskMonitor monitor;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    private long trader;

    @BeforeEach
    void setUp() {
        // Time only moves forward for the monitor: every test starts hours after the previous one.
        chat.beginAt(START);
        marks("80000", "2600", "110");
        trader = chat.newTrader();
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void marks(String btc, String eth, String sol) {
        chat.marks(Map.of("BTCUSDT", btc, "ETHUSDT", eth, "SOLUSDT", sol));
    }

    private String say(String text) {
        return chat.say(trader, text);
    }

    private String awaitNotice(String fragment) {
        return chat.awaitNotice(trader, fragment);
    }

    @Test
    void isolatedLong_walksThroughEveryLevelToLiquidation_onceEach() {
        // 0.1 BTC at 80,000 with 5x: margin 1,600; liquidation (8,000 − 1,600) / (0.1 × 0.996) = 64,257.03
        say("/long BTC 0.1 5x @80000");

        marks("71000", "2600", "110");   // 9.50% away
        String warning = awaitNotice("WARNING");
        assertThat(warning).contains("#1 BTCUSDT LONG").contains("liquidation 64,257.03").contains("9.50% away")
                .contains("USDT margin (liquidation to").containsOnlyOnce("👉");

        marks("67000", "2600", "110");   // 4.09% away
        assertThat(awaitNotice("DANGER")).contains("4.09% away");

        marks("65500", "2600", "110");   // 1.90% away
        assertThat(awaitNotice("CRITICAL")).contains("1.90% away");

        marks("64000", "2600", "110");   // past it
        String liquidated = awaitNotice("LIQUIDATED");
        assertThat(liquidated).contains("#1 BTCUSDT LONG").contains("Lost: its isolated margin, 1,600.00 USDT")
                .contains("more margin would have kept it open");

        marks("63000", "2600", "110");
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(800));
        assertThat(say("/balance")).contains("Wallet: 8,400.00 USDT");
        assertThat(say("/positions")).contains("no open positions");
    }

    @Test
    void restart_withWarningsPending_deliversThemOnce_andRepeatsNothing() {
        say("/long BTC 0.1 5x @80000");
        bot.stop();

        marks("71000", "2600", "110");            // WARNING queued while Telegram is unreachable
        bot.start();
        assertThat(awaitNotice("WARNING")).contains("#1 BTCUSDT LONG");

        monitor.restartFromDatabase();            // memory rebuilt from the database, as after a restart
        marks("70900", "2600", "110");            // still WARNING: the persisted state says it was announced
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(800));
        marks("67000", "2600", "110");            // a worse level still gets through
        assertThat(awaitNotice("DANGER")).contains("4.09% away");
    }

    @Test
    void sameLevel_isNotRepeated_andRecoveryReArms() {
        say("/long BTC 0.1 5x @80000");

        marks("71000", "2600", "110");
        awaitNotice("WARNING");
        marks("70500", "2600", "110");
        marks("71200", "2600", "110");
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(800));

        chat.clock().advance(Duration.ofMinutes(15));
        marks("80000", "2600", "110");   // clearly safe again
        marks("71000", "2600", "110");
        assertThat(awaitNotice("WARNING")).contains("9.50% away");
    }

    @Test
    void crossPool_withThreePositions_drainsThroughTheLevelsToLiquidation() {
        say("/long BTC 1 20x cross @80000");
        say("/long ETH 10 20x cross @2600");
        // Ratio 5.09%, but a joint 8.15% fall liquidates the pool: the order's reply says it opened inside the
        // WARNING distance, so the watch does not warn it for that level (born safe), only for worse.
        assertThat(say("/long SOL 100 20x cross @110"))
                .contains("cross pool survives a joint move of 8.15%: inside your WARNING distance");
        marks("80000", "2600", "110");

        // −5%: margin balance 10,000 → 4,150, a drain too; the DANGER warning of the same tick makes a drain notice
        // redundant, so none follows it (asserted in RiskMonitorTest).
        marks("76000", "2470", "104.5");
        assertThat(awaitNotice("DANGER")).containsPattern("Survivable move 3\\.\\d\\d%");

        marks("73760", "2397.2", "101.42");     // −7.8%: ratio 53%, 0.4% from liquidation
        String critical = awaitNotice("CRITICAL");
        assertThat(critical).contains("cross pool margin ratio 53.2");
        // The pool's drain warning may share the message (a digest): one action in the CRITICAL warning itself.
        assertThat(critical.split("\n\n📉")[0]).containsOnlyOnce("👉");

        marks("73440", "2386.8", "100.98");     // −8.2%: margin balance under maintenance
        String liquidated = awaitNotice("CROSS POOL LIQUIDATED");
        assertThat(liquidated).contains("#1 BTCUSDT LONG").contains("#2 ETHUSDT LONG").contains("#3 SOLUSDT LONG")
                .contains("Lost: the whole cross wallet, 10,000.00 USDT");
        assertThat(say("/balance")).contains("Wallet: 0.00 USDT");
        assertThat(say("/positions")).contains("no open positions");
    }

    @Test
    void unconfirmedCrash_isIgnored_noFalseLiquidation() {
        say("/long BTC 0.1 5x @80000");
        chat.priceApi().servesBybitMarks(Map.of("BTCUSDT", "80010", "ETHUSDT", "2600", "SOLUSDT", "110"));

        marks("48000", "2600", "110");   // −40% on Binance only

        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(800));
        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.1");
    }

    @Test
    void deadFeed_pausesWarnings_andTellsTheUserOnceWhenItStopsAndResumes() {
        say("/long BTC 0.1 5x @80000");
        chat.priceApi().binanceFailsWith(503, "binance-503.json");
        chat.priceApi().bybitFailsWith(503, "binance-503.json");

        for (int minute = 0; minute < 4; minute++) {
            chat.clock().advance(Duration.ofMinutes(1));
            chat.feed().pollOnce();
        }
        assertThat(awaitNotice("No prices have arrived")).contains("paused");

        chat.priceApi().reset();
        circuitBreakers.resetAll();
        marks("80000", "2600", "110");
        assertThat(awaitNotice("Prices are flowing again")).contains("back on");
    }

    @Test
    void alertSettings_thresholdsSnoozeAndQuietHours() {
        assertThat(say("/alerts")).contains("Warnings are on").contains("warning ≤ 10.00%");
        assertThat(say("/alerts isolated 15% 7% 3%")).contains("warning ≤ 15.00%").contains("critical ≤ 3.00%");
        assertThat(say("/alerts isolated 5% 7% 3%")).contains("don't work");
        assertThat(say("/alerts cross 40% 60% 80%")).contains("warning ≥ 40.00%");
        assertThat(say("/snooze 2h")).contains("snoozed until").contains(":01 UTC");
        assertThat(say("/quiet 23-07")).contains("23:00–07:00 UTC");
        assertThat(say("/quiet 25-07")).contains("0 to 23");
        assertThat(say("/alerts")).contains("Snoozed until").contains("Quiet hours 23–07");
    }

    @Test
    void snoozed_warningsWait_butCriticalComesThrough() {
        say("/long BTC 0.1 5x @80000");
        say("/snooze 1h");

        marks("71000", "2600", "110");
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(800));

        marks("65500", "2600", "110");
        assertThat(awaitNotice("CRITICAL")).contains("1.90% away");
    }
}
