package org.marginsentinel.application.risk;

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
import org.marginsentinel.testsupport.TestClock;

/**
 * Issue 18, end to end: a withdrawal or deposit after opening a cross position reaches the watch (the index was
 * only rebuilt after trades), and a withdrawal needing a mark the feed lost is refused.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class CashMovesKeepTheWatchE2ETest {

    private static final Instant START = Instant.parse("2031-06-01T10:00:00Z");
    private static final AtomicInteger TESTS_RUN = new AtomicInteger();

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    TestClock clock;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private long trader;

    @BeforeEach
    void setUp() {
        priceApi.reset();
        feed.reset();
        circuitBreakers.resetAll();
        clock.freezeAt(START.plus(Duration.ofHours(3L * TESTS_RUN.getAndIncrement())));
        ethAt("3000");
        trader = telegram.newUser();
        say("/start");
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    private void ethAt(String eth) {
        priceApi.servesBinanceMarks(Map.of("BTCUSDT", "80000", "ETHUSDT", eth, "SOLUSDT", "110"));
        clock.advance(Duration.ofMinutes(1));
        feed.pollOnce();
    }

    private String say(String text) {
        telegram.userSays(trader, text);
        return telegram.awaitReplyTo(trader).plainText();
    }

    @Test
    void withdrawalAfterOpeningCross_isWatched_andThePoolIsLiquidatedWhenItsWalletIsGone() {
        say("/long ETH 10 10x cross");
        assertThat(say("/withdraw 6900")).contains("Withdrew 6,900.00 USDT");

        ethAt("2680");   // margin balance 3,100 − 3,200 = −100: past liquidation

        assertThat(telegram.awaitReplyContaining(trader, "CROSS POOL LIQUIDATED").plainText())
                .contains("#1 ETHUSDT LONG");
        assertThat(say("/positions")).contains("no open positions");
    }

    @Test
    void depositAfterOpeningCross_isWatched_soNoWarningAtLevelsThePoolIsNowhereNear() {
        say("/long ETH 30 10x cross");
        assertThat(say("/deposit 90000")).contains("100,000.00 USDT");

        ethAt("2690");   // on the old 10,000 wallet this is a 57% margin ratio, a WARNING

        telegram.assertNoReplyTo(trader, Duration.ofMillis(800));
    }
}
