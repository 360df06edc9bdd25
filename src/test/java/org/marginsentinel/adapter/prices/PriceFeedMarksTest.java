package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.fake.PriceApiResource;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;
import org.marginsentinel.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the feed accepts, how long it trusts it, and what it tells the rest of the application. */
@QuarkusTest
@WithTestResource(PriceApiResource.class)
class PriceFeedMarksTest {

    private static final Instant T0 = Instant.parse("2026-09-19T13:20:00Z");

    @InjectPriceApi
    PriceApiFake prices;

    @Inject
    PriceFeed feed;

    @Inject
    MarkPrices markPrices;

    @Inject
    TestClock clock;

    @Inject
    HeldSymbols held;

    @Inject
    RecordedPriceEvents events;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void startClean() {
        prices.reset();
        circuitBreakers.resetAll();
        feed.reset();
        held.pin(Set.of()); // no positions: other tests' positions share this application
        clock.freezeAt(T0);
        events.clear();
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
        held.unpin();
    }

    @Test
    void markPricesPort_isServedByThePriceFeed() {
        feed.pollOnce();

        assertThat(markPrices.latest("BTCUSDT")).isPresent();
        assertThat(markPrices.all()).hasSize(4);
    }

    @Test
    void pollOnce_zeroNegativeAndNonNumericMarks_keepThePreviousGoodMark() {
        prices.servesBinanceMarks(marks("BTCUSDT", "81000", "ETHUSDT", "2600", "SOLUSDT", "110", "1000PEPEUSDT", "0.0038"));
        feed.pollOnce();

        prices.servesBinanceMarks(marks("BTCUSDT", "0", "ETHUSDT", "2610", "SOLUSDT", "-3", "1000PEPEUSDT", "abc"));
        clock.advance(Duration.ofSeconds(5));
        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("binance");
        assertThat(report.updated()).containsExactly("ETHUSDT");
        assertThat(report.rejectedRows()).hasSize(3);
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("81000");
        assertThat(feed.latest("BTCUSDT").orElseThrow().observedAt()).isEqualTo(T0);
        assertThat(feed.latest("SOLUSDT").orElseThrow().price()).isEqualByComparingTo("110");
        assertThat(feed.latest("1000PEPEUSDT").orElseThrow().price()).isEqualByComparingTo("0.0038");
        assertThat(feed.latest("ETHUSDT").orElseThrow().price()).isEqualByComparingTo("2610");
        assertThat(prices.bybitRequestCount()).as("partial data is still data: no fallback").isZero();
    }

    @Test
    void pollOnce_everyMarkInvalid_fallsBackToBybit() {
        prices.servesBinanceMarks(marks("BTCUSDT", "0", "ETHUSDT", "", "SOLUSDT", "NaN")).servesBybitFixture();

        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("81338.44");
    }

    @Test
    void pollOnce_firstMarkEver_isAcceptedWithoutConfirmation() {
        feed.pollOnce();

        assertThat(prices.bybitRequestCount()).isZero();
    }

    @Test
    void pollOnce_35PercentJumpNotConfirmedByBybit_isIgnored() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000", "ETHUSDT", "2600"));
        feed.pollOnce();

        prices.servesBybitFixture(); // Bybit still says 81338.44
        prices.servesBinanceMarks(marks("BTCUSDT", "108000", "ETHUSDT", "2610"));
        clock.advance(Duration.ofSeconds(5));
        PollReport report = feed.pollOnce();

        assertThat(report.ignoredJumps()).containsExactly("BTCUSDT");
        assertThat(report.updated()).containsExactly("ETHUSDT");
        assertThat(prices.bybitRequestCount()).as("Bybit asked once, for confirmation").isEqualTo(1);
        MarkPrice btc = feed.latest("BTCUSDT").orElseThrow();
        assertThat(btc.price()).isEqualByComparingTo("80000");
        assertThat(btc.observedAt()).isEqualTo(T0);
    }

    @Test
    void pollOnce_35PercentDropNotConfirmed_isIgnored() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();

        prices.servesBybitFixture();
        prices.servesBinanceMarks(marks("BTCUSDT", "52000"));
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce(); // the same again: Bybit still contradicts it

        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("80000");
    }

    @Test
    void pollOnce_35PercentJumpConfirmedByBybit_isAccepted() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();

        prices.servesBinanceMarks(marks("BTCUSDT", "108000"));
        prices.servesBybitMarks(marks("BTCUSDT", "107500")); // 0.46 % from the new value
        clock.advance(Duration.ofSeconds(5));
        PollReport report = feed.pollOnce();

        assertThat(report.updated()).containsExactly("BTCUSDT");
        assertThat(report.ignoredJumps()).isEmpty();
        MarkPrice btc = feed.latest("BTCUSDT").orElseThrow();
        assertThat(btc.price()).isEqualByComparingTo("108000");
        assertThat(btc.source()).isEqualTo("binance");
        assertThat(btc.observedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void pollOnce_jumpWithBybitOnlyThreePercentAway_isIgnored() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();

        prices.servesBinanceMarks(marks("BTCUSDT", "108000"));
        prices.servesBybitMarks(marks("BTCUSDT", "104760")); // 3 % below the new value
        clock.advance(Duration.ofSeconds(5));

        assertThat(feed.pollOnce().ignoredJumps()).containsExactly("BTCUSDT");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("80000");
    }

    @Test
    void pollOnce_jumpWhileBybitDown_isIgnored() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();

        prices.servesBinanceMarks(marks("BTCUSDT", "108000"));
        prices.bybitFailsWith(503, "binance-503.json");
        clock.advance(Duration.ofSeconds(5));

        assertThat(feed.pollOnce().ignoredJumps()).containsExactly("BTCUSDT");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("80000");
    }

    @Test
    void pollOnce_jumpOnFallbackWhileBinanceDown_doesNotAskBinanceAgain() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();

        prices.binanceFailsWith(503, "binance-503.json");
        prices.servesBybitMarks(marks("BTCUSDT", "120000"));
        clock.advance(Duration.ofSeconds(5));
        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("bybit");
        assertThat(report.ignoredJumps()).containsExactly("BTCUSDT");
        assertThat(prices.binanceRequestCount()).as("1 good poll + 3 failed attempts").isEqualTo(4);
    }

    @Test
    void latest_afterThreePollIntervalsWithoutGoodMark_isStaleButSymbolStaysKnown() {
        feed.pollOnce();
        prices.binanceFailsWith(500, "binance-503.json").bybitFailsWith(500, "binance-503.json");

        clock.advance(Duration.ofSeconds(14));
        circuitBreakers.resetAll();
        feed.pollOnce();
        assertThat(feed.latest("BTCUSDT")).isPresent();
        assertThat(feed.all()).hasSize(4);

        clock.advance(Duration.ofSeconds(1)); // 15 s = 3 x 5 s
        assertThat(feed.latest("BTCUSDT")).isEmpty();
        assertThat(feed.all()).isEmpty();
        assertThat(feed.isKnownSymbol("BTCUSDT")).isTrue();
        MarkFreshness freshness = feed.freshness("BTCUSDT").orElseThrow();
        assertThat(freshness.stale()).isTrue();
        assertThat(freshness.age()).isEqualTo(Duration.ofSeconds(15));
        assertThat(freshness.mark().price()).isEqualByComparingTo("81341.2");
        assertThat(feed.freshness()).hasSize(4).allSatisfy((symbol, f) -> assertThat(f.stale()).isTrue());
        assertThat(feed.staleAfter()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void latest_symbolMissingFromLaterAnswers_goesStaleAlone() {
        feed.pollOnce();
        prices.servesBinanceMarks(marks("ETHUSDT", "2650.10"));

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(5));
            feed.pollOnce();
        }

        assertThat(feed.latest("BTCUSDT")).isEmpty();
        assertThat(feed.latest("ETHUSDT").orElseThrow().price()).isEqualByComparingTo("2650.10");
        assertThat(feed.all()).containsOnlyKeys("ETHUSDT");
        assertThat(feed.freshness("BTCUSDT").orElseThrow().stale()).isTrue();
        assertThat(feed.freshness("ETHUSDT").orElseThrow().stale()).isFalse();
    }

    @Test
    void latest_unknownOrNullSymbol_isEmpty() {
        feed.pollOnce();

        assertThat(feed.latest("NOPEUSDT")).isEmpty();
        assertThat(feed.latest(null)).isEmpty();
        assertThat(feed.isKnownSymbol(null)).isFalse();
        assertThat(feed.freshness("NOPEUSDT")).isEmpty();
    }

    @Test
    void isKnownSymbol_symbolWithOnlyBadMarks_isKnownWithoutAMark() {
        prices.servesBinanceMarks(marks("BTCUSDT", "81000", "NEWUSDT", "0"));

        feed.pollOnce();

        assertThat(feed.isKnownSymbol("NEWUSDT")).isTrue();
        assertThat(feed.latest("NEWUSDT")).isEmpty();
    }

    @Test
    void pollOnce_goodData_firesMarksUpdatedWithEveryFreshMark() {
        feed.pollOnce();
        prices.servesBinanceMarks(marks("BTCUSDT", "81400"));
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();

        assertThat(events.updates).hasSize(2);
        assertThat(events.updates.get(1).at()).isEqualTo(T0.plusSeconds(5));
        assertThat(events.updates.get(1).marks()).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT");
        assertThat(events.updates.get(1).marks().get("BTCUSDT").price()).isEqualByComparingTo("81400");
        assertThat(events.updates.get(1).marks()).isEqualTo(feed.all());
        assertThat(events.updateThreads).containsOnly("risk-tick");
    }

    @Test
    void poll_whileASlowTickRuns_isNotHeldUp_andTheNextTickTakesTheLatestMarks() throws InterruptedException {
        CountDownLatch slowTick = events.holdUpdates();
        feed.poll();
        assertThat(events.awaitUpdates(1)).as("its tick started (and hangs)").isTrue();
        prices.servesBinanceMarks(marks("BTCUSDT", "81400"));
        clock.advance(Duration.ofSeconds(5));
        feed.poll();
        prices.servesBinanceMarks(marks("BTCUSDT", "81500"));
        clock.advance(Duration.ofSeconds(5));
        PollReport third = feed.poll(); // polls go on while the tick hangs

        assertThat(third.updated()).containsExactly("BTCUSDT");
        slowTick.countDown();
        feed.pollOnce(); // and waits for the ticks

        assertThat(events.updates).as("the second poll's marks were superseded before their tick began")
                .hasSize(3);
        assertThat(events.updates.get(1).marks().get("BTCUSDT").price()).isEqualByComparingTo("81500");
    }

    @Test
    void pollOnce_noDataForTwoMinutes_firesPausedOnceThenResumedOnce() {
        feed.pollOnce(); // good at T0
        prices.binanceFailsWith(503, "binance-503.json").bybitFailsWith(503, "binance-503.json");

        clock.advance(Duration.ofSeconds(5)); // first failed poll: dead since T0 + 5 s
        feed.pollOnce();
        assertThat(feed.deadSince()).contains(T0.plusSeconds(5));
        clock.advance(Duration.ofSeconds(119)); // 1 min 59 s dead
        feed.pollOnce();
        assertThat(events.pauses).isEmpty();

        clock.advance(Duration.ofSeconds(1)); // 2 min dead
        feed.pollOnce();
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();
        assertThat(events.pauses).containsExactly(new PriceFeedPaused(T0.plusSeconds(5)));
        assertThat(events.resumes).isEmpty();
        assertThat(events.updates).hasSize(1);

        prices.reset();
        circuitBreakers.resetAll(); // the failures above opened both circuits (real-time delay)
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();

        assertThat(events.resumes).containsExactly(new PriceFeedResumed(T0.plusSeconds(5), T0.plusSeconds(135)));
        assertThat(events.pauses).hasSize(1);
        assertThat(feed.deadSince()).isEmpty();
        assertThat(feed.all()).hasSize(4);
    }

    @Test
    void pollOnce_shortOutage_firesNeitherPausedNorResumed() {
        feed.pollOnce();
        prices.binanceFailsWith(503, "binance-503.json").bybitFailsWith(503, "binance-503.json");
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();

        prices.reset();
        circuitBreakers.resetAll();
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();

        assertThat(events.pauses).isEmpty();
        assertThat(events.resumes).isEmpty();
        assertThat(feed.deadSince()).isEmpty();
    }

    @Test
    void pollOnce_neverAnyData_pausesTwoMinutesAfterTheFirstFailedPoll() {
        prices.binanceFailsWith(503, "binance-503.json").bybitFailsWith(503, "binance-503.json");

        feed.pollOnce();
        clock.advance(Duration.ofMinutes(2));
        circuitBreakers.resetAll();
        feed.pollOnce();

        assertThat(events.pauses).containsExactly(new PriceFeedPaused(T0));
        assertThat(events.updates).isEmpty();
    }

    @Test
    void pollOnce_wickOnOneExchangeThatTheOtherContradicts_neverReachesTheRiskTick() {
        prices.servesBinanceMarks(marks("DOGEUSDT", "0.1")); // Bybit agrees
        feed.pollOnce();

        prices.servesBybitMarks(marks("DOGEUSDT", "0.1"));
        prices.servesBinanceMarks(marks("DOGEUSDT", "0.075")); // −25 % on Binance alone, for one poll
        clock.advance(Duration.ofSeconds(5));
        PollReport wick = feed.pollOnce();
        prices.servesBinanceMarks(marks("DOGEUSDT", "0.1001"));
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();

        assertThat(wick.ignoredJumps()).containsExactly("DOGEUSDT");
        assertThat(events.updates).hasSize(3).allSatisfy(update ->
                assertThat(update.marks().get("DOGEUSDT").price()).isGreaterThanOrEqualTo(new BigDecimal("0.1")));
        assertThat(feed.latest("DOGEUSDT").orElseThrow().price()).isEqualByComparingTo("0.1001");
    }

    @Test
    void pollOnce_fifteenPercentMoveWhileBybitIsDown_waitsOnePoll_thenTheSecondPollConfirmsIt() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();
        prices.bybitFailsWith(503, "binance-503.json");
        prices.servesBinanceMarks(marks("BTCUSDT", "68000"));

        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.pollOnce().ignoredJumps()).containsExactly("BTCUSDT");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("80000");

        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.pollOnce().updated()).containsExactly("BTCUSDT");
        assertThat(feed.latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("68000");
    }

    @Test
    void pollOnce_heldSymbolsMissingOrStaleOnBinance_areTakenFromBybit_forThoseSymbolsOnly() {
        held.pin(Set.of("BTCUSDT", "SOLUSDT", "ETHUSDT"));
        prices.servesBybitMarks(marks("BTCUSDT", "81000", "ETHUSDT", "2600", "SOLUSDT", "110"));
        prices.servesBinanceMarks(marks("ETHUSDT", "2650")); // no BTCUSDT, no SOLUSDT

        PollReport report = feed.pollOnce();

        assertThat(report.source()).contains("binance");
        assertThat(report.fromFallback()).containsExactlyInAnyOrder("BTCUSDT", "SOLUSDT");
        assertThat(feed.latest("BTCUSDT").orElseThrow().source()).isEqualTo("bybit");
        assertThat(feed.latest("ETHUSDT").orElseThrow().source()).isEqualTo("binance");
        assertThat(prices.bybitRequestCount()).isEqualTo(1);

        prices.servesBinanceMarksAt(marks("BTCUSDT", "81010", "ETHUSDT", "2650", "SOLUSDT", "111"),
                T0.minus(Duration.ofHours(1))); // every row an hour old
        clock.advance(Duration.ofSeconds(5));
        report = feed.pollOnce();

        assertThat(report.fromFallback()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(feed.all()).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT")
                .allSatisfy((symbol, mark) -> assertThat(mark.source()).isEqualTo("bybit"));
    }

    @Test
    void pollOnce_markAnHourOldByBinancesOwnTime_isStale_andSaysHowOld() {
        prices.servesBinanceMarksAt(marks("BTCUSDT", "80000", "ETHUSDT", "2600"), T0.minus(Duration.ofHours(1)));

        PollReport report = feed.pollOnce();

        assertThat(report.staleRows()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        assertThat(feed.latest("BTCUSDT")).isEmpty();
        assertThat(feed.all()).isEmpty();
        MarkFreshness btc = feed.freshness("BTCUSDT").orElseThrow();
        assertThat(btc.stale()).isTrue();
        assertThat(btc.age()).isEqualTo(Duration.ofHours(1));
        assertThat(events.updates).singleElement().satisfies(update -> assertThat(update.marks()).isEmpty());
    }

    @Test
    void pollOnce_staleAnswerAfterAFreshOne_keepsTheFreshMarkAndItsAge() {
        prices.servesBinanceMarks(marks("BTCUSDT", "80000"));
        feed.pollOnce();

        prices.servesBinanceMarksAt(marks("BTCUSDT", "79000"), T0.minus(Duration.ofHours(1)));
        clock.advance(Duration.ofSeconds(5));
        feed.pollOnce();

        MarkPrice btc = feed.latest("BTCUSDT").orElseThrow();
        assertThat(btc.price()).isEqualByComparingTo("80000");
        assertThat(btc.observedAt()).isEqualTo(T0);
    }

    private static Map<String, String> marks(String... symbolThenMark) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (int i = 0; i < symbolThenMark.length; i += 2) {
            marks.put(symbolThenMark[i], symbolThenMark[i + 1]);
        }
        return marks;
    }
}
