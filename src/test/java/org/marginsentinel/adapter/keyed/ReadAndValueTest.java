package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.bybit.BybitAccountReader;
import org.marginsentinel.adapter.keyed.fake.BybitAccountFake;
import org.marginsentinel.adapter.keyed.fake.OkxAccountFake;
import org.marginsentinel.adapter.keyed.okx.OkxAccountReader;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.SecondOpinion.Verdict;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.BybitValuer;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;
import org.marginsentinel.domain.watch.keyed.OkxValuer;
import org.marginsentinel.testsupport.fakes.MutableClock;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;

/** What a poll gives the watcher: the fake exchange's account, read and valued with the engine's tier table. */
class ReadAndValueTest {

    private static final TierTable ENGINE_TIERS = TierTable.shippedDefaults();
    private static BybitAccountFake bybit;
    private static OkxAccountFake okx;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:00Z"));

    @BeforeAll
    static void startFakes() {
        bybit = BybitAccountFake.start();
        okx = OkxAccountFake.start();
    }

    @AfterAll
    static void stopFakes() {
        bybit.stop();
        okx.stop();
    }

    private KeyedRequestBudget budget() {
        return new KeyedRequestBudget(5, Duration.ofSeconds(1), Duration.ofSeconds(2), clock, clock::advance);
    }

    @Test
    void bybit_unifiedCrossAccount_isOnePool_valuedWithBybitsOwnMaintenance() {
        BybitAccountReader reader = new BybitAccountReader(URI.create(bybit.baseUrl()), clock, budget());
        ApiKey key = ApiKey.hmac(KeyedExchange.BYBIT, BybitAccountFake.KEY, BybitAccountFake.SECRET, null);

        KeyedValuation valuation = BybitValuer.withEngineTiers(ENGINE_TIERS).value(reader.account(key));

        assertThat(valuation.notValued()).isEmpty();
        assertThat(valuation.cross().maintenanceMargin()).as("positionMM of both: the shipped tiers are Binance's")
                .isEqualByComparingTo("300");
        assertThat(valuation.ownMarginRatio()).isCloseTo(new BigDecimal("300")
                .divide(new BigDecimal("18070.32797922"), 20, RoundingMode.HALF_EVEN), within(new BigDecimal("1e-18")));
        assertThat(valuation.positions()).allSatisfy(valued -> {
            assertThat(valued.opinion().verdict()).as("liqPrice \"\"").isEqualTo(Verdict.EXCHANGE_HAS_NONE);
            assertThat(valued.explanation().kinds()).containsExactly(Kind.BYBIT_GIVES_NONE_CROSS);
        });
    }

    @Test
    void okx_crossAndIsolatedSwaps_valuedWithOkxsRateAtTheMark_saidToBeEstimated() {
        OkxAccountReader reader = new OkxAccountReader(URI.create(okx.baseUrl()), clock, budget());
        ApiKey key = ApiKey.hmac(KeyedExchange.OKX, OkxAccountFake.KEY, OkxAccountFake.SECRET, OkxAccountFake.PASSPHRASE);

        KeyedValuation valuation = OkxValuer.withEngineTiers(ENGINE_TIERS).value(reader.account(key));

        // cross wallet 10,300 − (500 − 200) − 1,200 = 8,800; 8,800 + 0.5·(P − 60,000) = 0.5·P·(0.4% + 0.05%)
        KeyedValuation.Valued btc = valuation.positions().get(0);
        assertThat(btc.opinion().own()).isCloseTo(new BigDecimal("42591.662481165244"), within(new BigDecimal("1e-9")));
        assertThat(btc.opinion().verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(btc.explanation().reasons().get(0)).satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo(Kind.OKX_RATE_AT_MARK);
            assertThat(reason.symbol()).isEqualTo("BTC-USDT-SWAP");
        });
        assertThat(valuation.positions().get(1).risk().position().isIsolated()).isTrue();
        assertThat(valuation.ownMarginRatio()).as("OKX's convention, next to its mgnRatio 75.6")
                .isCloseTo(new BigDecimal("67.7595628"), within(new BigDecimal("1e-7")));
    }
}
