package org.marginsentinel.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.margin.Side;

/**
 * The second opinion: the engine with Hyperliquid's rules against the exchange's own liquidation prices, from the
 * figures of the fixtures (fixtures/prices/hyperliquid/…; restated here so the domain test needs no parser).
 */
class HyperliquidValuerTest {

    private final HyperliquidValuer valuer = new HyperliquidValuer();

    /** The official docs example: isolated ETH long 0.0335 @ 2986.3, 20x, max leverage 50, liq 2866.26936529. */
    @Test
    void officialIsolatedLong_reproducesTheExchangesLiquidationPrice() {
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, d("0.0335"), d("2986.3"), MarginMode.ISOLATED, 20,
                d("2866.26936529"), d("4.967826"), d("100.02765"), d("-0.0134"), 50);
        WatchedAccountState state = state(d("13109.482328"), d("13104.514502"), eth);

        WatchedValuation valuation = valuer.value(state, HyperliquidMarket.empty(), Map.of());

        SecondOpinion opinion = valuation.position("ETH").orElseThrow().opinion();
        assertThat(opinion.verdict()).isEqualTo(SecondOpinion.Verdict.AGREE);
        assertThat(opinion.own().doubleValue()).isCloseTo(2866.26936529, within(0.01));
    }

    @Test
    void crossAndIsolated_withMarginTables_agreeWithTheExchange_andANullIsNotAnError() {
        WatchedValuation valuation = valuer.value(threePositions(), market(), Map.of());

        SecondOpinion btc = valuation.position("BTC").orElseThrow().opinion();
        assertThat(btc.verdict()).isEqualTo(SecondOpinion.Verdict.AGREE);
        assertThat(btc.own().doubleValue()).isCloseTo(59005.27, within(0.05));
        SecondOpinion eth = valuation.position("ETH").orElseThrow().opinion();
        assertThat(eth.verdict()).isEqualTo(SecondOpinion.Verdict.AGREE);
        assertThat(eth.own().doubleValue()).isCloseTo(3176.471, within(0.01));
        SecondOpinion pepe = valuation.position("kPEPE").orElseThrow().opinion();
        assertThat(pepe.verdict()).as("the exchange gives none, and the pool backs the long beyond its notional")
                .isEqualTo(SecondOpinion.Verdict.AGREE);
        assertThat(pepe.exchange()).isNull();
        assertThat(valuation.cross().maintenanceMargin().doubleValue()).as("Hyperliquid's crossMaintenanceMarginUsed")
                .isCloseTo(98.879812, within(0.001));
    }

    @Test
    void aNewerMark_movesTheRisk_butNotTheSecondOpinion() {
        WatchedValuation atExchange = valuer.value(threePositions(), market(), Map.of());
        WatchedValuation afterDrop = valuer.value(threePositions(), market(), Map.of("BTC", d("60000")));

        assertThat(afterDrop.position("BTC").orElseThrow().risk().distanceToLiquidation())
                .isLessThan(atExchange.position("BTC").orElseThrow().risk().distanceToLiquidation());
        assertThat(afterDrop.position("BTC").orElseThrow().opinion())
                .isEqualTo(atExchange.position("BTC").orElseThrow().opinion());
    }

    @Test
    void aDifferentExchangeFigure_isFlagged() {
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, d("0.0335"), d("2986.3"), MarginMode.ISOLATED, 20,
                d("2900"), d("4.967826"), d("100.02765"), d("-0.0134"), 50);

        SecondOpinion opinion = valuer.value(state(d("13109"), d("13104"), eth), HyperliquidMarket.empty(), Map.of())
                .position("ETH").orElseThrow().opinion();

        assertThat(opinion.verdict()).isEqualTo(SecondOpinion.Verdict.DIFFERS);
        assertThat(opinion.gap()).isGreaterThan(SecondOpinion.TOLERANCE);
    }

    @Test
    void otherDexPositions_andUnifiedAccounts_areNotRecomputed_andSaySo() {
        WatchedPosition tsla = new WatchedPosition("xyz:TSLA", Side.LONG, d("1"), d("300"), MarginMode.ISOLATED, 5,
                d("250"), d("60"), d("300"), d("0"), 10);
        WatchedValuation dex = valuer.value(state(d("100"), d("40"), tsla), HyperliquidMarket.empty(), Map.of());
        assertThat(dex.position("xyz:TSLA").orElseThrow().opinion().verdict())
                .isEqualTo(SecondOpinion.Verdict.OTHER_DEX);
        assertThat(dex.position("xyz:TSLA").orElseThrow().risk()).isNull();

        WatchedPosition btc = new WatchedPosition("BTC", Side.LONG, d("0.1"), d("80000"), MarginMode.CROSS, 10,
                d("60000"), d("800"), d("8000"), d("0"), 40);
        WatchedValuation unified = valuer.value(state(d("0"), d("0"), btc), HyperliquidMarket.empty(), Map.of());
        assertThat(unified.position("BTC").orElseThrow().opinion().verdict())
                .isEqualTo(SecondOpinion.Verdict.UNIFIED_ACCOUNT);
        assertThat(unified.cross()).isNull();
    }

    static WatchedAccountState threePositions() {
        WatchedPosition btc = new WatchedPosition("BTC", Side.LONG, d("0.05"), d("79850.0"), MarginMode.CROSS, 10,
                d("59005.27"), d("406.6385"), d("4066.385"), d("73.885"), 40);
        WatchedPosition eth = new WatchedPosition("ETH", Side.SHORT, d("1.5"), d("2700.0"), MarginMode.ISOLATED, 5,
                d("3176.471"), d("898.95"), d("3961.05"), d("88.95"), 25);
        WatchedPosition pepe = new WatchedPosition("kPEPE", Side.LONG, d("250000"), d("0.003712"), MarginMode.CROSS, 3,
                null, d("320.333333"), d("961.0"), d("33.0"), 10);
        return new WatchedAccountState(Instant.ofEpochMilli(1789824000123L), d("2100.0"), d("1201.05"),
                d("98.879812"), d("474.078167"), List.of(btc, eth, pepe));
    }

    static HyperliquidMarket market() {
        return new HyperliquidMarket(Map.of(
                "BTC", asset("BTC", "81327.7", 40, 20, "150000000"),
                "ETH", asset("ETH", "2640.7", 25, 15, "100000000"),
                "kPEPE", asset("kPEPE", "0.003844", 10, 5, "20000000")));
    }

    private static HyperliquidMarket.Asset asset(String coin, String mark, int lev, int upperLev, String bound) {
        return new HyperliquidMarket.Asset(coin, d(mark), d("0.0000125"), lev, List.of(
                new PublishedTier(BigDecimal.ZERO, d(bound), lev, null, null),
                new PublishedTier(d(bound), null, upperLev, null, null)));
    }

    private static WatchedAccountState state(BigDecimal accountValue, BigDecimal crossValue, WatchedPosition... ps) {
        return new WatchedAccountState(Instant.EPOCH, accountValue, crossValue, BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(ps));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
