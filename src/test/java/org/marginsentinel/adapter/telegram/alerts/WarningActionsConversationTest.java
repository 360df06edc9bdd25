package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.testsupport.TestClock;

/**
 * Warnings a trader can trust, message in and reply out: an order's reply says where the position stands and no
 * warning repeats it; a warning recommends one action with buttons only its owner can use, once; a liquidation
 * notice carries no older warning about the same position.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class WarningActionsConversationTest {

    private static final Instant START = Instant.parse("2031-01-01T10:00:00Z");
    private static final AtomicInteger TESTS_RUN = new AtomicInteger();
    private static final Duration QUIET = Duration.ofMillis(800);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    TestClock clock;

    @Inject
    RiskMonitor monitor;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private long trader;

    @BeforeEach
    void setUp() {
        priceApi.reset();
        feed.reset();
        circuitBreakers.resetAll();
        clock.freezeAt(START.plus(Duration.ofHours(3L * TESTS_RUN.getAndIncrement())));
        marks("80000", "2600");
        trader = telegram.newUser();
        say("/start");
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    private void marks(String btc, String eth) {
        priceApi.servesBinanceMarks(Map.of("BTCUSDT", btc, "ETHUSDT", eth, "SOLUSDT", "110"));
        clock.advance(Duration.ofMinutes(1));
        feed.pollOnce();
    }

    private String say(String text) {
        telegram.userSays(trader, text);
        return telegram.awaitReplyTo(trader).plainText();
    }

    @Test
    void tenTimesLeverage_opensWithoutAWarning_andTheReplyStatesItsDistance() {
        String reply = say("/long BTC 0.1");   // default 10x at 80,000: liquidation about 9.6% away

        assertThat(reply).contains("Opened at 80,000").contains("liquidation 9.")
                .contains("away: inside your WARNING distance (10.00%)").contains("I'll warn you if it gets worse");

        marks("79950", "2600");                // the same level: the reply said it, no warning repeats it
        telegram.assertNoReplyTo(trader, QUIET);
        monitor.restartFromDatabase();         // the opening level is stored: a restart does not warn either
        marks("79900", "2600");
        telegram.assertNoReplyTo(trader, QUIET);

        marks("75500", "2600");                // worse than it was opened at: DANGER is warned
        assertThat(telegram.awaitReplyContaining(trader, "DANGER").plainText()).contains("#1 BTCUSDT LONG");
    }

    @Test
    void hundredTwentyFiveTimesLeverage_theReplyComesFirst_andSaysCritical() {
        String reply = say("/long BTC 0.1 125x");

        assertThat(reply).startsWith("🔴 CRITICAL from the start: liquidation ").contains("inside your CRITICAL distance")
                .contains("Opened at 80,000");
        marks("79990", "2600");
        telegram.assertNoReplyTo(trader, QUIET);
    }

    @Test
    void addingToAPosition_thatMakesItWorse_isToldInTheReply_notByAWarning() {
        say("/long BTC 0.1 5x");               // 20% away: safe
        String added = say("/long BTC 0.3 20x");

        assertThat(added).containsAnyOf("inside your WARNING distance", "DANGER:", "CRITICAL from the start");
        marks("79990", "2600");
        telegram.assertNoReplyTo(trader, QUIET);
    }
}
