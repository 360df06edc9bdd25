package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.volatility.VolatilityCache;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.testsupport.TestClock;

/**
 * Issue 12, end to end: a high-leverage cross pool is warned by the joint move it survives (not only by its margin
 * ratio), and the drain warning survives unrelated account activity.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class CrossPoolWarningsE2ETest {

    /** Before the other warning conversations' clocks: the shared monitor and outbox only see time move forward. */
    private static final Instant START = Instant.parse("2029-06-01T10:00:00Z");
    private static final AtomicInteger TESTS_RUN = new AtomicInteger();

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    VolatilityCache volatilities;

    @Inject
    TestClock clock;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void setUp() {
        priceApi.reset();
        feed.reset();
        volatilities.reset();
        circuitBreakers.resetAll();
        clock.freezeAt(START.plus(Duration.ofHours(3L * TESTS_RUN.getAndIncrement())));
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

    private String say(long user, String text) {
        telegram.userSays(user, text);
        return telegram.awaitReplyTo(user).plainText();
    }

    /** Says a command and waits for its reply, told apart from notices by a fragment only the reply has. */
    private String ask(long user, String text, String replyFragment) {
        telegram.userSays(user, text);
        return telegram.awaitReplyContaining(user, replyFragment).plainText();
    }

    private String awaitNotice(long user, String fragment) {
        return telegram.awaitReplyContaining(user, fragment).plainText();
    }

    @Test
    void fiftyXLongAndTwentyXShortCrossPool_isWarnedAtTheWarningDistance_andRiskNeverCallsItSafe() {
        priceApi.servesBinanceKlines("BTCUSDT", PriceApiFake.closesWithDailyVolatility(95_000, 0.03, 168));
        priceApi.servesBinanceKlines("ETHUSDT", PriceApiFake.closesWithDailyVolatility(3_500, 0.04, 168));
        marks("95000", "3500");
        long trader = telegram.newUser();
        say(trader, "/start");
        assertThat(say(trader, "/long BTC 1 50x cross")).contains("BTCUSDT");
        // A joint 9.4% move (BTC down, ETH up) takes the 10,000 USDT pool: inside the 10% WARNING distance, while
        // the margin ratio (4.5%) is nowhere near its 50%. Born safe: the order's reply says so, and the pool is not
        // warned proactively for the level it was opened at.
        assertThat(say(trader, "/short ETH 2 20x cross")).contains("ETHUSDT")
                .containsPattern("cross pool survives a joint move of 9\\.\\d\\d%: inside your WARNING distance");
        marks("95000", "3500");

        marks("89000", "3500");                    // about 3.7% from liquidation: worse than it was opened at
        assertThat(awaitNotice(trader, "DANGER")).contains("cross pool")
                .containsPattern("Survivable move 3\\.\\d\\d%");
        assertThat(telegram.sentTo(trader)).noneMatch(m -> m.plainText().startsWith("WARNING"));

        marks("86000", "3500");                    // the issue's mark: ratio 40.8% "safe", 0.64% from liquidation
        assertThat(awaitNotice(trader, "CRITICAL")).contains("margin ratio 40.80%")
                .containsPattern("Survivable move 0\\.6\\d%");

        // The drain notice of an earlier tick may still be on its way (per-chat pacing): wait for the reply itself.
        String risk = ask(trader, "/risk", "Margin ratio");
        assertThat(risk).contains("Margin ratio 40.80%").contains("🔴 critical").doesNotContain("🟢 safe")
                .containsPattern("Survivable move 0\\.6\\d% \\(every cross mark against you at once, each by its "
                        + "volatility\\) · 24 h odds [5-9]\\d\\.\\d\\d%");
        // Each cross position's odds are the pool's joint-move odds, not a one-mark move's.
        assertThat(ask(trader, "/positions", "Cross pool:")).containsPattern("(?s)#1 BTCUSDT.*24 h odds of liquidation [5-9]\\d\\.")
                .contains("Cross pool: 🔴 critical");
    }

    @Test
    void fourPoolsDraining_withUnrelatedActivity_areAllWarned() {
        marks("80000", "2600");
        List<Long> traders = List.of(telegram.newUser(), telegram.newUser(), telegram.newUser(), telegram.newUser());
        for (long trader : traders) {
            say(trader, "/start");
            assertThat(say(trader, "/long BTC 0.01 5x @80000")).contains("BTCUSDT");
            assertThat(say(trader, "/long ETH 10 5x cross @2600")).contains("ETHUSDT");
        }
        for (String eth : List.of("2600", "2560", "2520", "2480")) {   // 12% of each pool gone
            marks("80000", eth);
        }
        // The first trader does nothing; the others do something unrelated to the pool's market.
        assertThat(say(traders.get(1), "/alerts odds 10%")).contains("10");
        assertThat(say(traders.get(2), "/margin 1 add 100")).contains("100");
        assertThat(say(traders.get(3), "/deposit 1000")).contains("1,000");
        for (String eth : List.of("2440", "2400", "2354")) {           // 25% in all, by the market alone
            marks("80000", eth);
        }

        for (long trader : traders) {
            assertThat(awaitNotice(trader, "draining")).as("trader %d", trader).contains("Survivable move");
        }
    }
}
