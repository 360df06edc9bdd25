package org.marginsentinel.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marginsentinel.adapter.prices.PollReport;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.testsupport.Readiness;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * The primary exchange misbehaves while a user's position sits close to its liquidation price. Whatever the
 * fault, the bot neither warns falsely nor liquidates: it takes the marks from the fallback exchange, and
 * when both exchanges are silent it says once that warnings are paused and once that they are back.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class PriceFaultsE2ETest {

    private static final Instant START = Instant.parse("2031-03-01T10:00:00Z");

    @InjectConversation
    Conversation chat;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    EntityManager em;

    private long trader;

    /** What Binance does wrong; Bybit keeps serving the true marks meanwhile. */
    enum BinanceFault {
        TIMEOUT(api -> api.binanceDelays(Duration.ofMillis(2_500))),
        SERVER_ERROR_503(api -> api.binanceFailsWith(503, "binance-503.json")),
        RATE_LIMIT_429(api -> api.binanceRateLimits(429, "binance-429.json", "120")),
        IP_BAN_418(api -> api.binanceRateLimits(418, "binance-418.json", null)),
        REGION_BLOCK_451(api -> api.binanceFailsWith(451, "binance-451.json")),
        HTML_INSTEAD_OF_JSON(api -> api.binanceServesBody("<html><body><h1>502 Bad Gateway</h1></body></html>")),
        TRUNCATED_JSON(api -> api.binanceServesBody("[{\"symbol\":\"BTCUSDT\",\"markPrice\":\"66000.1\"},{\"symb")),
        ZERO_PRICES(api -> api.servesBinanceMarks(Map.of("BTCUSDT", "0", "ETHUSDT", "0.00000000"))),
        CONNECTION_RESET(api -> api.binanceResponds(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
        /** −40% on Binance alone: far below the liquidation price, and not confirmed by Bybit. */
        HUGE_JUMP(api -> api.servesBinanceMarks(Map.of("BTCUSDT", "39600", "ETHUSDT", "2500")));

        final Consumer<PriceApiFake> apply;

        BinanceFault(Consumer<PriceApiFake> apply) {
            this.apply = apply;
        }
    }

    @BeforeEach
    void positionCloseToLiquidation() {
        chat.beginAt(START);
        marks("80000");
        trader = chat.newTrader();
        // 0.1 BTC long at 80,000, 5x isolated: liquidation 64,257.03. At 66,000 it is 2.64% away: DANGER.
        chat.say(trader, "/long BTC 0.1 5x @80000");
        marks("66000");
        assertThat(chat.awaitNotice(trader, "DANGER")).contains("2.64% away");
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    @ParameterizedTest
    @EnumSource(BinanceFault.class)
    void binanceFault_fallsBackToBybit_withoutAFalseWarningOrLiquidation(BinanceFault fault) {
        chat.priceApi().servesBybitMarks(Map.of("BTCUSDT", "66040", "ETHUSDT", "2500"));
        fault.apply.accept(chat.priceApi());

        for (int i = 0; i < 2; i++) {
            PollReport report = poll();
            if (fault == BinanceFault.HUGE_JUMP) {
                assertThat(report.ignoredJumps()).as("the unconfirmed jump is ignored").contains("BTCUSDT");
            } else {
                assertThat(report.source()).as("marks come from the fallback").contains("bybit");
                assertThat(chat.feed().latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("66040");
            }
        }
        assertThat(chat.priceApi().bybitRequestCount()).as("Bybit was asked").isPositive();

        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(600));
        assertThat(chat.say(trader, "/positions")).contains("#1 BTCUSDT LONG 0.1");
        assertThat(liquidations()).isZero();

        // Binance is healthy again (after its Retry-After or ban, where it gave one): back to it, still no noise.
        chat.priceApi().reset();
        circuitBreakers.resetAll();
        chat.clock().advance(Duration.ofMinutes(30));
        marks("66010");
        assertThat(chat.feed().latest("BTCUSDT").orElseThrow().source()).isEqualTo("binance");
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(300));
    }

    @Test
    void bothExchangesDown_pauseIsAnnouncedOnce_nothingIsLiquidated_andRecoveryIsAnnounced() {
        chat.priceApi().binanceFailsWith(503, "binance-503.json");
        chat.priceApi().bybitFailsWith(403, "bybit-403-cloudfront.html");

        for (int minute = 0; minute < 4; minute++) {
            chat.clock().advance(Duration.ofMinutes(1));
            assertThat(chat.feed().pollOnce().gotData()).isFalse();
        }
        assertThat(chat.telegram().awaitReplyTo(trader).plainText()).contains("No prices have arrived")
                .contains("paused");
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(300));
        assertThat(chat.feed().latest("BTCUSDT")).as("the old mark is stale: nothing acts on it").isEmpty();
        assertThat(chat.say(trader, "/positions")).contains("#1 BTCUSDT LONG 0.1");

        chat.priceApi().reset();
        circuitBreakers.resetAll();
        marks("66020");
        assertThat(chat.telegram().awaitReplyTo(trader).plainText()).contains("Prices are flowing again");
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(300));
        assertThat(liquidations()).isZero();
    }

    @Test
    void aRealCrashSeenByBothExchanges_stillLiquidates() {
        chat.priceApi().servesBybitMarks(Map.of("BTCUSDT", "50010", "ETHUSDT", "2500"));
        marks("50000");   // −24% in one poll, confirmed by Bybit: below the liquidation price

        assertThat(chat.awaitNotice(trader, "LIQUIDATED")).contains("#1 BTCUSDT LONG");
        assertThat(liquidations()).isEqualTo(1);
    }

    // --- Issue 18: fail and recover per symbol ------------------------------------------------------

    @Test
    void binanceOmitsTheHeldSymbol_itsMarkComesFromBybit_andTheWarningIsNotMissed() {
        chat.priceApi().servesBybitMarks(Map.of("BTCUSDT", "65500", "ETHUSDT", "2500"));
        chat.priceApi().servesBinanceMarks(Map.of("ETHUSDT", "2500")); // no BTCUSDT row

        PollReport report = poll();

        assertThat(report.source()).contains("binance");
        assertThat(report.fromFallback()).contains("BTCUSDT");
        assertThat(chat.feed().latest("BTCUSDT").orElseThrow().source()).isEqualTo("bybit");
        assertThat(chat.awaitNotice(trader, "CRITICAL")).contains("1.90% away");
        assertThat(staleHeldSymbols()).doesNotContain("BTCUSDT");
    }

    @Test
    void heldSymbolWithoutAFreshMark_isReportedByReadiness() {
        chat.priceApi().bybitFailsWith(503, "binance-503.json");
        chat.priceApi().servesBinanceMarks(Map.of("ETHUSDT", "2500")); // BTCUSDT missing on Binance, Bybit down

        poll();

        Readiness readiness = Readiness.now();
        assertThat(readiness.statusOf("Price feed")).isEqualTo("DOWN");
        assertThat(staleHeldSymbols()).contains("BTCUSDT").doesNotContain("ETHUSDT");
        assertThat(readiness.dataOf("Price feed").get("state").toString()).contains("BTCUSDT").contains("not watched");
    }

    @Test
    void anHourOldMarkByBinancesOwnTime_neitherWarnsNorLiquidates() {
        chat.priceApi().bybitFailsWith(503, "binance-503.json");
        chat.clock().advance(Duration.ofMinutes(1));
        // past the liquidation price, but an hour old by Binance's timestamp
        chat.priceApi().servesBinanceMarksAt(Map.of("BTCUSDT", "60000", "ETHUSDT", "2500"),
                chat.clock().instant().minus(Duration.ofHours(1)));

        PollReport report = chat.feed().pollOnce();

        assertThat(report.staleRows()).contains("BTCUSDT");
        assertThat(chat.feed().latest("BTCUSDT")).isEmpty();
        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(600));
        assertThat(liquidations()).isZero();
        assertThat(staleHeldSymbols()).contains("BTCUSDT");
    }

    @Test
    void oneExchangesWick_twelvePercentDownForOnePoll_liquidatesNobody() {
        chat.priceApi().servesBybitMarks(Map.of("BTCUSDT", "66040", "ETHUSDT", "2500"));
        // below 64,257.03, Binance only
        chat.priceApi().servesBinanceMarks(Map.of("BTCUSDT", "58000", "ETHUSDT", "2500"));

        assertThat(poll().ignoredJumps()).containsExactly("BTCUSDT");
        chat.priceApi().servesBinanceMarks(Map.of("BTCUSDT", "66030", "ETHUSDT", "2500"));
        poll();

        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(600));
        assertThat(liquidations()).isZero();
        assertThat(chat.feed().latest("BTCUSDT").orElseThrow().price()).isEqualByComparingTo("66030");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void marks(String btc) {
        chat.marks(Map.of("BTCUSDT", btc, "ETHUSDT", "2500"));
    }

    private PollReport poll() {
        chat.clock().advance(Duration.ofMinutes(1));
        return chat.feed().pollOnce();
    }

    /** Readiness's stale held symbols; other tests' positions share this application, so there may be more. */
    private static List<String> staleHeldSymbols() {
        Object symbols = Readiness.now().dataOf("Price feed").get("staleHeldSymbols");
        return symbols == null ? List.of() : List.of(symbols.toString().split(","));
    }

    private long liquidations() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(l) from LedgerEntryEntity l where l.userId = :user and str(l.kind) = 'LIQUIDATION'",
                        Long.class)
                .setParameter("user", trader).getSingleResult());
    }

}
