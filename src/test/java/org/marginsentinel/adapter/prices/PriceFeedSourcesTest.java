package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.fake.PriceApiResource;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which source the feed asks, when, and what it does when a source misbehaves. */
@QuarkusTest
@WithTestResource(PriceApiResource.class)
class PriceFeedSourcesTest {

    /** The fixtures' snapshot time; the 418 fixture's ban ends 7 minutes later. */
    private static final Instant T0 = Instant.parse("2026-09-19T13:20:00Z");

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
    void startClean() {
        prices.reset();
        circuitBreakers.resetAll();
        feed.reset();
        held.pin(Set.of()); // no positions: other tests' positions share this application
        clock.freezeAt(T0);
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
        held.unpin();
    }

    @Test
    void pollOnce_binanceHealthy_usesBinanceOnlyWithOneRequest() {
        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("binance");
        assertThat(prices.binanceRequestCount()).isEqualTo(1);
        assertThat(prices.bybitRequestCount()).isZero();
        assertThat(feed.all()).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT");
        MarkPrice btc = feed.latest("BTCUSDT").orElseThrow();
        assertThat(btc.price()).isEqualByComparingTo("81341.2");
        assertThat(btc.source()).isEqualTo("binance");
        assertThat(btc.observedAt()).isEqualTo(T0);
        assertThat(feed.latest("1000PEPEUSDT").orElseThrow().price()).isEqualByComparingTo("0.0038447");
        assertThat(feed.isKnownSymbol("1000PEPEUSDT")).isTrue();
        assertThat(feed.isKnownSymbol("DOGEUSDT")).isFalse();
    }

    @Test
    void pollOnce_binance503_retriesThenFallsBackToBybit() {
        prices.binanceFailsWith(503, "binance-503.json");

        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).isEqualTo(3); // first try + 2 retries
        assertThat(prices.bybitRequestCount()).isEqualTo(1);
        MarkPrice btc = feed.latest("BTCUSDT").orElseThrow();
        assertThat(btc.price()).isEqualByComparingTo("81338.44");
        assertThat(btc.source()).isEqualTo("bybit");
    }

    @Test
    void pollOnce_binanceTooSlow_fallsBackToBybit() {
        prices.binanceDelays(Duration.ofMillis(2500));

        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(feed.latest("ETHUSDT").orElseThrow().source()).isEqualTo("bybit");
    }

    @Test
    void pollOnce_binanceConnectionReset_fallsBackToBybit() {
        prices.binanceResponds(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(feed.pollOnce().source()).contains("bybit");
    }

    @Test
    void pollOnce_binanceSendsHtmlWith200_fallsBackWithoutRetrying() {
        prices.binanceServesBody("<html><body>Maintenance</body></html>");

        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).isEqualTo(1);
    }

    @Test
    void pollOnce_binanceSendsTruncatedJson_fallsBackToBybit() {
        prices.binanceServesBody("[{\"symbol\":\"BTCUSDT\",\"markPrice\":\"81341.2\"},{\"symbol\":\"ETHUSDT\",\"markPr");

        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("81338.44");
    }

    @Test
    void pollOnce_binance451_isConfirmedByThreeAnswers_thenBinanceIsProbedOnlyEveryTenMinutes() {
        prices.binanceFailsWith(451, "binance-451.json");

        for (int i = 0; i < 3; i++) {
            assertThat(feed.pollOnce().source()).contains("bybit");
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(prices.binanceRequestCount()).as("asked at each poll until confirmed, never retried").isEqualTo(3);
        clock.advance(Duration.ofMinutes(9).plusSeconds(45));
        assertThat(feed.pollOnce().source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).as("confirmed: left alone for 10 min").isEqualTo(3);

        clock.advance(Duration.ofSeconds(10)); // 10 min after the confirmation: probe again, still blocked
        assertThat(feed.pollOnce().source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).isEqualTo(4);

        prices.servesBinanceFixture();
        clock.advance(Duration.ofMinutes(10));
        assertThat(feed.pollOnce().source()).contains("binance");
        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.pollOnce().source()).contains("binance");
        assertThat(prices.binanceRequestCount()).isEqualTo(6);
    }

    @Test
    void pollOnce_sixSecondRegionBlipOnBothExchanges_costsTwoPolls_notTenMinutes() {
        prices.binanceFailsWith(451, "binance-451.json").bybitFailsWith(403, "bybit-403-cloudfront.html");

        assertThat(feed.pollOnce().gotData()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.pollOnce().gotData()).isFalse();

        prices.reset(); // the blip is over after 6 s
        clock.advance(Duration.ofSeconds(5));
        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("binance");
        assertThat(feed.all()).hasSize(4);
        assertThat(feed.deadSince()).isEmpty();
    }

    @Test
    void pollOnce_bothExchangesRegionBlocked_areProbedEveryThirtySecondsWhileThereAreNoMarks() {
        prices.binanceFailsWith(451, "binance-451.json").bybitFailsWith(403, "bybit-403-cloudfront.html");
        for (int i = 0; i < 3; i++) { // confirms both blocks
            assertThat(feed.pollOnce().gotData()).isFalse();
            clock.advance(Duration.ofSeconds(5));
        }
        int binanceAsked = prices.binanceRequestCount();
        int bybitAsked = prices.bybitRequestCount();
        assertThat(binanceAsked).isEqualTo(3);
        assertThat(bybitAsked).isEqualTo(3);

        clock.advance(Duration.ofSeconds(20)); // 25 s after the last refusal
        assertThat(feed.pollOnce().gotData()).isFalse();
        assertThat(prices.binanceRequestCount()).isEqualTo(binanceAsked);

        prices.servesBybitFixture(); // Bybit is back; Binance still refuses
        clock.advance(Duration.ofSeconds(5)); // 30 s: probe both
        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).isEqualTo(binanceAsked + 1);
        assertThat(prices.bybitRequestCount()).isEqualTo(bybitAsked + 1);
    }

    @Test
    void pollOnce_binance429WithRetryAfter_sendsNothingToBinanceBeforeThen() {
        prices.binanceRateLimits(429, "binance-429.json", "30");

        assertThat(feed.pollOnce().source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).as("a 429 is not retried").isEqualTo(1);

        prices.servesBinanceFixture();
        clock.advance(Duration.ofSeconds(29));
        assertThat(feed.pollOnce().source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(feed.pollOnce().source()).contains("binance");
        assertThat(prices.binanceRequestCount()).isEqualTo(2);
    }

    @Test
    void pollOnce_binance429WithoutRetryAfter_backsOffExponentially() {
        prices.binanceRateLimits(429, "binance-429.json", null);

        feed.pollOnce(); // T0: 429, pause 5 s
        clock.advance(Duration.ofSeconds(4));
        feed.pollOnce();
        assertThat(prices.binanceRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // T0 + 5 s: asks again, 429 again, pause 10 s
        feed.pollOnce();
        assertThat(prices.binanceRequestCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(9));
        feed.pollOnce();
        assertThat(prices.binanceRequestCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1)); // T0 + 15 s
        feed.pollOnce();
        assertThat(prices.binanceRequestCount()).isEqualTo(3);
        assertThat(prices.bybitRequestCount()).isEqualTo(5);
    }

    @Test
    void pollOnce_binance418_staysAwayUntilTheBanEnds() {
        prices.binanceRateLimits(418, "binance-418.json", null); // "IP banned until" T0 + 7 min

        assertThat(feed.pollOnce().source()).contains("bybit");
        prices.servesBinanceFixture();
        clock.advance(Duration.ofMinutes(6).plusSeconds(59));
        assertThat(feed.pollOnce().source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(feed.pollOnce().source()).contains("binance");
        assertThat(prices.binanceRequestCount()).isEqualTo(2);
    }

    @Test
    void pollOnce_bybitRetCodeErrorOnHttp200_isNoData() {
        prices.binanceFailsWith(500, "binance-503.json").bybitFailsWith(200, "bybit-error-10006.json");

        PollReport report = feed.pollOnce();

        assertThat(report.gotData()).isFalse();
        assertThat(feed.all()).isEmpty();
        assertThat(prices.bybitRequestCount()).as("rate limited: not retried").isEqualTo(1);
    }

    @Test
    void pollOnce_binanceKeepsFailing_circuitOpensThenRecovers() throws InterruptedException {
        prices.binanceFailsWith(503, "binance-503.json");

        feed.pollOnce(); // 3 failed attempts
        feed.pollOnce(); // 4th failure opens the circuit (4 calls, ratio 0.75); no more attempts
        int requestsWhenOpened = prices.binanceRequestCount();
        assertThat(requestsWhenOpened).isEqualTo(4);

        PollReport whileOpen = feed.pollOnce();
        assertThat(whileOpen.source()).contains("bybit");
        assertThat(prices.binanceRequestCount()).as("open circuit: Binance is not called").isEqualTo(4);

        prices.servesBinanceFixture();
        Thread.sleep(400); // circuit-breaker delay is 300 ms in %test
        PollReport afterDelay = feed.pollOnce();

        assertThat(afterDelay.source()).contains("binance");
        assertThat(prices.binanceRequestCount()).isEqualTo(5);
        assertThat(feed.pollOnce().source()).contains("binance");
    }

    @Test
    void pollOnce_bothSourcesHealthyAfterFallback_returnsToBinance() {
        prices.binanceFailsWith(502, "binance-503.json");
        assertThat(feed.pollOnce().source()).contains("bybit");

        prices.servesBinanceMarks(Map.of("BTCUSDT", "81350.0"));
        clock.advance(Duration.ofSeconds(5));

        assertThat(feed.pollOnce().source()).contains("binance");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("81350.0");
    }
}
