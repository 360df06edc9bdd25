package org.marginsentinel.adapter.keyed.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.keyed.KeyedRequestBudget;
import org.marginsentinel.adapter.keyed.LenientJson;
import org.marginsentinel.adapter.keyed.fake.OkxAccountFake;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.SecondOpinion.Verdict;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;
import org.marginsentinel.domain.watch.keyed.OkxValuer;
import org.marginsentinel.testsupport.fakes.MutableClock;

/**
 * OKX's public position tiers of the swaps an account holds: read on the account's poll (one call for up to five
 * families, no key), turned from contracts into coins, kept a day; the held positions then valued exactly and
 * labelled with the tiers' date. Unreadable tiers keep the estimate, said, and are not asked again for ten minutes.
 */
class OkxPositionTiersTest {

    private static final ApiKey KEY = ApiKey.hmac(KeyedExchange.OKX, OkxAccountFake.KEY, OkxAccountFake.SECRET,
            OkxAccountFake.PASSPHRASE);
    private static final TierTable ENGINE_TIERS = TierTable.shippedDefaults();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:00Z"));
    private WireMockServer server;
    private OkxAccountReader reader;
    private OkxValuer valuer;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        OkxAccountFake.attachTo(server);
        reader = new OkxAccountReader(URI.create("http://127.0.0.1:" + server.port()), clock, budget());
        valuer = new OkxValuer(reader::positionTiers, ENGINE_TIERS::estimateSchedule,
                OkxValuer.DEFAULT_LIQUIDATION_FEE_RATE);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void heldSwapsTiers_areReadInOneCall_andTheirPositionsValuedExactly_labelledWithTheTiersDate() {
        servesTiers(PriceFixtures.read("okx-position-tiers.synthetic.json"));

        KeyedValuation valuation = valuer.value(reader.account(KEY));

        List<LoggedRequest> calls = tierCalls();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.queryParameter("instFamily").firstValue()).isEqualTo("BTC-USDT,ETH-USDT");
            assertThat(call.queryParameter("instType").firstValue()).isEqualTo("SWAP");
            assertThat(call.queryParameter("tdMode").firstValue()).isEqualTo("cross");
            assertThat(call.containsHeader("OK-ACCESS-KEY")).as("public: no key sent").isFalse();
        });
        // BTC: 50 contracts × 0.01 = 0.5 BTC, in tier 2 (0.2–1 BTC, 0.4%). Cross wallet 8,800 (as OKX's mmr gives):
        // 8,800 + 0.5·(P − 60,000) = 0.5·P·(0.4% + 0.05%) → P = 21,200 / 0.49775 = 42,591.66248…
        KeyedValuation.Valued btc = valuation.positions().get(0);
        assertThat(btc.opinion().own()).isCloseTo(new BigDecimal("42591.662481165244"), within(new BigDecimal("1e-9")));
        assertThat(btc.explanation().reasons().get(0).kind()).isEqualTo(Kind.OKX_TIERS);
        assertThat(btc.explanation().reasons().get(0).source())
                .isEqualTo(new TierSource(TierSource.OKX, LocalDate.parse("2026-12-04")));
        // (Taking the contracts as coins would put it in tier 1 at 0.3%; its 30,500 notional, in tier 3 at 0.6%.)
        // ETH: 20 contracts × 0.1 = 2 ETH, in tier 2 (1–5 ETH, 0.5%). Isolated short, 1,200 margin:
        // 1,200 − 2·(P − 3,000) = 2·P·(0.5% + 0.05%) → P = 7,200 / 2.011 = 3,580.30830…
        KeyedValuation.Valued eth = valuation.positions().get(1);
        assertThat(eth.opinion().own()).isCloseTo(new BigDecimal("3580.3083043262058677"),
                within(new BigDecimal("1e-9")));
        assertThat(eth.opinion().verdict()).as("OKX says 3,561.4").isEqualTo(Verdict.DIFFERS);
        assertThat(eth.explanation().kinds()).doesNotContain(Kind.OKX_RATE_AT_MARK, Kind.OKX_ESTIMATED)
                .startsWith(Kind.OKX_TIERS);
    }

    @Test
    void tiersAreKeptADay_thenReadAgain() {
        servesTiers(PriceFixtures.read("okx-position-tiers.synthetic.json"));
        reader.account(KEY);

        clock.advance(Duration.ofHours(23));
        reader.account(KEY);
        assertThat(tierCalls()).hasSize(1);

        clock.advance(Duration.ofHours(2));
        reader.account(KEY);
        assertThat(tierCalls()).hasSize(2);
        assertThat(reader.positionTiers("BTC-USDT-SWAP").orElseThrow().source().asOf())
                .isEqualTo(LocalDate.parse("2026-12-05"));
    }

    @Test
    void unreadableTiers_keepTheEstimate_said_andAreNotAskedAgainForTenMinutes() {
        server.stubFor(get(urlPathEqualTo(OkxPositionTiers.PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"code\":\"50001\",\"msg\":\"busy\"}")));

        KeyedValuation valuation = valuer.value(reader.account(KEY));

        assertThat(valuation.positions().get(0).explanation().reasons().get(0).kind())
                .isEqualTo(Kind.OKX_RATE_AT_MARK);
        clock.advance(Duration.ofMinutes(5));
        reader.account(KEY);
        assertThat(tierCalls()).hasSize(1);
        clock.advance(Duration.ofMinutes(6));
        servesTiers(PriceFixtures.read("okx-position-tiers.synthetic.json"));
        KeyedValuation later = valuer.value(reader.account(KEY));
        assertThat(tierCalls()).hasSize(2);
        assertThat(later.positions().get(0).explanation().reasons().get(0).kind()).isEqualTo(Kind.OKX_TIERS);
    }

    @Test
    void atMostFiveFamiliesACall() {
        OkxPositionTiers tiers = new OkxPositionTiers(new KeyedHttp("OKX", URI.create("http://127.0.0.1:"
                + server.port()), Duration.ofSeconds(5)), new OkxInstruments(new KeyedHttp("OKX",
                URI.create("http://127.0.0.1:" + server.port()), Duration.ofSeconds(5)), clock), budget(), clock);
        servesTiers(PriceFixtures.read("okx-position-tiers.synthetic.json"));

        tiers.refresh(List.of("A-USDT-SWAP", "B-USDT-SWAP", "C-USDT-SWAP", "D-USDT-SWAP", "E-USDT-SWAP",
                "F-USDT-SWAP", "BTC-USD-SWAP", "A-USDT-SWAP"));

        assertThat(tierCalls()).extracting(call -> call.queryParameter("instFamily").firstValue())
                .containsExactly("A-USDT,B-USDT,C-USDT,D-USDT,E-USDT", "F-USDT");
    }

    @Test
    void okxsPublishedExample_isOneOpenEndedTierPerFamily_inCoins() {
        List<JsonNode> btcRows = new ArrayList<>();
        LenientJson.read(PriceFixtures.read("okx-position-tiers.json")).path("data").forEach(row -> {
            if ("BTC-USDT".equals(LenientJson.text(row, "instFamily"))) {
                btcRows.add(row);
            }
        });

        TierSchedule schedule = OkxPositionTiers.inCoins(btcRows, new BigDecimal("0.01")).orElseThrow();

        assertThat(schedule.tiers()).singleElement().satisfies(tier -> {
            assertThat(tier.notionalCap()).isNull();
            assertThat(tier.maintenanceMarginRate()).isEqualByComparingTo("0.004");
            assertThat(tier.maxLeverage()).isEqualTo(100);
        });
        assertThat(OkxPositionTiers.inCoins(btcRows, null)).as("no contract value: no tiers").isEmpty();
    }

    private void servesTiers(String body) {
        server.stubFor(get(urlPathEqualTo(OkxPositionTiers.PATH)).atPriority(1).willReturn(OkxAccountFake.json(body)));
    }

    private List<LoggedRequest> tierCalls() {
        return server.findAll(getRequestedFor(urlPathEqualTo(OkxPositionTiers.PATH)));
    }

    private KeyedRequestBudget budget() {
        return new KeyedRequestBudget(5, Duration.ofSeconds(2), Duration.ofSeconds(3), clock, clock::advance);
    }
}
