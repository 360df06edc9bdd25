package org.marginsentinel.adapter.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.HeldSymbols;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.fake.PriceApiResource;
import org.marginsentinel.testsupport.PrometheusScrape;
import org.marginsentinel.testsupport.Readiness;
import org.marginsentinel.testsupport.TestClock;

/** The "Price feed" readiness check and the feed-age gauge follow the marks the feed really has. */
@QuarkusTest
@WithTestResource(PriceApiResource.class)
class PriceFeedReadinessTest {

    private static final String CHECK = "Price feed";

    @InjectPriceApi
    PriceApiFake prices;

    @Inject
    PriceFeed feed;

    @Inject
    TestClock clock;

    @Inject
    HeldSymbols held;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void fresh() {
        prices.reset();
        feed.reset();
        held.pin(Set.of()); // no positions: other tests' positions share this application
        circuitBreakers.resetAll();
        clock.freezeAt(Instant.parse("2031-03-01T12:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
        held.unpin();
    }

    @Test
    void freshMarks_areUp_andStaleMarks_areDown_untilTheNextGoodPoll() {
        prices.servesBinanceMarks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2600"));
        feed.pollOnce();

        Readiness fresh = Readiness.now();
        assertThat(fresh.statusOf(CHECK)).isEqualTo("UP");
        assertThat(fresh.dataOf(CHECK)).containsEntry("freshSymbols", 2).containsEntry("newestMarkAgeSeconds", 0);

        clock.advance(feed.staleAfter());
        Readiness stale = Readiness.now();
        assertThat(stale.statusOf(CHECK)).isEqualTo("DOWN");
        assertThat(stale.status()).isEqualTo("DOWN");
        assertThat(stale.httpStatus()).isEqualTo(503);
        assertThat(stale.dataOf(CHECK)).containsEntry("staleSymbols", 2).containsEntry("freshSymbols", 0)
                .containsEntry("state", "no fresh mark prices: warnings and liquidations are paused");

        feed.pollOnce();
        assertThat(Readiness.now().statusOf(CHECK)).isEqualTo("UP");
    }

    @Test
    void oneFailedPoll_isTolerated_butFailingForTheStaleAge_isDown() {
        prices.binanceFailsWith(503, "binance-503.json").bybitFailsWith(503, "binance-503.json");
        feed.pollOnce();
        assertThat(Readiness.now().statusOf(CHECK)).as("just started failing").isEqualTo("UP");

        clock.advance(feed.staleAfter());
        feed.pollOnce();

        Readiness down = Readiness.now();
        assertThat(down.statusOf(CHECK)).isEqualTo("DOWN");
        assertThat(down.dataOf(CHECK)).containsEntry("noDataForSeconds", (int) feed.staleAfter().toSeconds());
    }

    @Test
    void feedAgeGauge_showsTheAgeOfTheNewestMark() {
        prices.servesBinanceMarks(Map.of("BTCUSDT", "80000"));
        feed.pollOnce();
        assertThat(PrometheusScrape.now().value("sentinel_prices_age_seconds")).isZero();

        clock.advance(Duration.ofSeconds(7));

        assertThat(PrometheusScrape.now().value("sentinel_prices_age_seconds")).isEqualTo(7.0);
    }
}
