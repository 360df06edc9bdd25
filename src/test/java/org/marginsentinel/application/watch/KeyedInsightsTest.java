package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.PositionStress;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.BinanceValuer;
import org.marginsentinel.domain.watch.keyed.BybitValuer;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;
import org.marginsentinel.domain.watch.keyed.OkxValuer;
import org.marginsentinel.testsupport.fakes.FakeMarkPrices;

/**
 * /stress, /compare and /whatif on keyed accounts: each account at its exchange's marks with its exchange's
 * maintenance (Bybit's reported rate, OKX's rate plus its liquidation fee, Binance's brackets), numbered as in
 * /watch, never mixed.
 */
class KeyedInsightsTest {

    private static final long USER = 7;
    private static final Instant NOW = Instant.parse("2032-06-01T10:00:00Z");
    private static final TierTable TIERS = TierTable.shippedDefaults();

    private final KeyedInsights insights = new KeyedInsights();
    private final FakeMarkPrices marks = new FakeMarkPrices(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void watchThreeAccounts() {
        insights.book = new KeyedBook();
        insights.watchBook = new WatchBook();
        insights.watchBook.keyed = insights.book;
        insights.marks = marks;
        insights.exchanges = ValuersOnly.of(new BinanceValuer(new MarginCalculator(TIERS), TIERS),
                new BybitValuer(symbol -> Optional.empty(), () -> TierSchedule.flat(new BigDecimal("0.05"),
                        BigDecimal.ZERO)),
                new OkxValuer(symbol -> Optional.empty(), () -> TierSchedule.flat(new BigDecimal("0.05"),
                        BigDecimal.ZERO), OkxValuer.DEFAULT_LIQUIDATION_FEE_RATE));
        // #1 Bybit: BTC long 0.5 @ 60,000, isolated 10x with 3,000, Bybit's maintenance 150 (0.5% at entry).
        watch(1, KeyedExchange.BYBIT, snapshot("3500", new ExchangePosition("BTCUSDT", Side.LONG, d("0.5"),
                d("60000"), d("61000"), MarginMode.ISOLATED, 10, d("3000"), d("500"), d("54300"), d("150"), null,
                null)));
        // #2 OKX: ETH short 2 @ 3,000, isolated 5x with 1,200; OKX's maintenance 24.8 at the mark 3,100 (0.4%).
        watch(2, KeyedExchange.OKX, snapshot("10300", new ExchangePosition("ETH-USDT-SWAP", Side.SHORT, d("2"),
                d("3000"), d("3100"), MarginMode.ISOLATED, 5, d("1200"), d("-200"), d("3561.4"), d("24.8"), null,
                null)));
        // #3 Binance: BTC long 0.1 @ 50,000 cross 20x on a 2,000 wallet.
        watch(3, KeyedExchange.BINANCE, new ExchangeAccountSnapshot(NOW, d("2000"), d("3100"), null, null, null,
                List.of(new ExchangePosition("BTCUSDT", Side.LONG, d("0.1"), d("50000"), d("61000"),
                        MarginMode.CROSS, 20, null, d("1100"), null, null, null, null))));
    }

    @Test
    void stress_eachAccountByItsExchangesMaintenance_atItsMarks() {
        List<KeyedInsights.ForAccount<StressReport>> reports = insights.stress(USER, Shock.everySymbol(d("-0.12")));

        assertThat(reports).extracting(KeyedInsights.ForAccount::number).containsExactly(1, 2, 3);
        PositionStress bybit = reports.get(0).result().positions().get(0);
        assertThat(bybit.markBefore()).as("Bybit's own mark").isEqualByComparingTo("61000");
        assertThat(bybit.liquidated()).as("53,680 is under the liquidation price near 54,300").isTrue();
        assertThat(bybit.loss()).as("the margin and the PnL at the mark").isEqualByComparingTo("3500");
        // Bybit's rate on the engine: (30,000 − 3,000) / (0.5 × 0.995) = 54,271.36, 11.03% under 61,000.
        assertThat(bybit.survives().orElseThrow()).isCloseTo(new BigDecimal("0.11031"), within(new BigDecimal("1e-4")));

        PositionStress okx = reports.get(1).result().positions().get(0);
        assertThat(okx.liquidated()).as("a short gains as ETH falls").isFalse();
        // OKX's 0.4% plus the 0.05% fee: 7,200 / (2 × 1.0045) = 3,583.87, 15.61% over 3,100.
        assertThat(okx.survives().orElseThrow()).isCloseTo(new BigDecimal("0.15609"), within(new BigDecimal("1e-4")));

        assertThat(insights.stress(USER, new Shock(d("-0.12"), "ETHUSDT"))).as("only OKX holds ETH")
                .extracting(KeyedInsights.ForAccount::number).containsExactly(2);
        assertThat(insights.stress(USER + 1, Shock.everySymbol(d("-0.12")))).as("only the watcher's").isEmpty();
    }

    @Test
    void compare_theCrossBinancePositionIsolated_andTheBybitOneCross() {
        List<KeyedInsights.ForAccount<ModeComparison>> comparisons = insights.compare(USER);

        ModeComparison.Row binance = comparisons.get(2).result().rows().get(0);
        // Isolated at 20x: 250 of margin (initial margin at entry), so much nearer than the 2,000 cross wallet.
        assertThat(binance.liquidationIsolated()).isGreaterThan(binance.liquidationCross());
        assertThat(binance.liquidationCross()).as("(5,000 − 2,000) / (0.1 × (1 − 0.4%))")
                .isCloseTo(new BigDecimal("30120.48"), within(new BigDecimal("1")));
        assertThat(comparisons.get(0).account().exchange()).isEqualTo(KeyedExchange.BYBIT);
    }

    @Test
    void whatIf_atTheExchangesMarkWhenHeld_elseAtTheBotsMark_elseRefused() {
        KeyedInsights.WhatIf closing = insights.whatIf(USER, order(Side.LONG, "ETHUSDT", "2")).get(1).result();
        assertThat(closing.symbol()).isEqualTo("ETH-USDT-SWAP");
        assertThat(closing.exchangeMark()).isTrue();
        assertThat(closing.fillPrice()).as("OKX's mark").isEqualByComparingTo("3100");
        assertThat(closing.resulting()).as("the short closed").isNull();

        assertThat(insights.whatIf(USER, order(Side.LONG, "SOLUSDT", "10"))).as("no mark for SOL anywhere")
                .allSatisfy(a -> assertThat(a.result().refusal()).isEqualTo(KeyedInsights.Refusal.NO_MARK));

        marks.set("SOLUSDT", "150");
        KeyedInsights.WhatIf sol = insights.whatIf(USER, order(Side.LONG, "SOLUSDT", "10")).get(1).result();
        assertThat(sol.symbol()).isEqualTo("SOL-USDT-SWAP");
        assertThat(sol.exchangeMark()).as("the bot's mark").isFalse();
        assertThat(sol.resulting().marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(sol.resulting().leverage()).isEqualTo(10);
        assertThat(sol.risk().liquidationPrice()).as("OKX holds no SOL: the estimate, 5% plus the fee")
                .isCloseTo(new BigDecimal("1350").divide(new BigDecimal("10").multiply(new BigDecimal("0.9495")),
                        java.math.MathContext.DECIMAL64), within(new BigDecimal("0.01")));

        KeyedInsights.WhatIf otherMode = insights.whatIf(USER, new OpenOrder("BTCUSDT", Side.LONG, d("0.1"), null,
                null, MarginMode.CROSS, null)).get(0).result();
        assertThat(otherMode.refusal()).as("Bybit holds BTC isolated").isEqualTo(KeyedInsights.Refusal.OTHER_MODE);
    }

    private void watch(long id, KeyedExchange exchange, ExchangeAccountSnapshot snapshot) {
        insights.book.put(new KeyedAccount(id, USER, exchange, "AbCd…000" + id, NOW.plusSeconds(id), NOW, snapshot,
                Availability.OK, null, null, null), ApiKey.hmac(exchange, "AbCdEfGh000" + id, "s", "p"));
    }

    private static ExchangeAccountSnapshot snapshot(String marginBalance, ExchangePosition position) {
        return new ExchangeAccountSnapshot(NOW, null, d(marginBalance), null, null, null, List.of(position));
    }

    private static OpenOrder order(Side side, String symbol, String quantity) {
        return new OpenOrder(symbol, side, d(quantity), null, null, null, null);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
