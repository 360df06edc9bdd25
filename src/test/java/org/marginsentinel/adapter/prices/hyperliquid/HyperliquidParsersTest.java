package org.marginsentinel.adapter.prices.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;

class HyperliquidParsersTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ClearinghouseStateParser accounts = new ClearinghouseStateParser(mapper);
    private final MetaAndAssetCtxsParser markets = new MetaAndAssetCtxsParser(mapper);

    @Test
    void officialExample_isolatedEthLong_withTheExchangesLiquidationPrice() {
        WatchedAccountState state = accounts.parse(PriceFixtures.read("hyperliquid-clearinghouseState.official.json"));

        assertThat(state.time()).isEqualTo(Instant.ofEpochMilli(1708622398623L));
        assertThat(state.accountValue()).isEqualByComparingTo("13109.482328");
        assertThat(state.crossAccountValue()).isEqualByComparingTo("13104.514502");
        WatchedPosition eth = state.positions().get(0);
        assertThat(eth.coin()).isEqualTo("ETH");
        assertThat(eth.side()).isEqualTo(Side.LONG);
        assertThat(eth.size()).isEqualByComparingTo("0.0335");
        assertThat(eth.mode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(eth.leverage()).isEqualTo(20);
        assertThat(eth.exchangeLiquidation()).isEqualByComparingTo("2866.26936529");
        assertThat(eth.maxLeverage()).isEqualTo(50);
        assertThat(eth.isolatedWallet()).as("margin used minus unrealised PnL").isEqualByComparingTo("4.981226");
    }

    @Test
    void threePositions_signedSizeGivesTheSide_andANullLiquidationPriceIsKept() {
        WatchedAccountState state = accounts.parse(PriceFixtures.read("hyperliquid-clearinghouseState.json"));

        assertThat(state.positions()).extracting(WatchedPosition::coin).containsExactly("BTC", "ETH", "kPEPE");
        assertThat(state.position("ETH").orElseThrow().side()).isEqualTo(Side.SHORT);
        assertThat(state.position("ETH").orElseThrow().size()).isEqualByComparingTo("1.5");
        assertThat(state.position("kPEPE").orElseThrow().exchangeLiquidation()).isNull();
        assertThat(state.position("BTC").orElseThrow().reportedMark()).isEqualByComparingTo("81327.7");
        assertThat(state.crossMaintenanceMargin()).isEqualByComparingTo("98.879812");
        assertThat(state.looksUnified()).isFalse();
    }

    @Test
    void numbersAsNumbers_zeroSizeRows_andMissingOptionalFields_areAccepted() {
        String body = """
                {"assetPositions":[
                  {"position":{"coin":"SOL","szi":-2,"entryPx":150,"leverage":{"type":"cross","value":"5"},
                               "marginUsed":60,"positionValue":300,"unrealizedPnl":0}},
                  {"position":{"coin":"BTC","szi":"0.0","entryPx":"1","leverage":{"type":"cross","value":1},
                               "marginUsed":"0","positionValue":"0","unrealizedPnl":"0"}}],
                 "marginSummary":{"accountValue":1000},"crossMarginSummary":{"accountValue":"1000"}}""";

        WatchedAccountState state = accounts.parse(body);

        assertThat(state.positions()).singleElement().satisfies(sol -> {
            assertThat(sol.side()).isEqualTo(Side.SHORT);
            assertThat(sol.leverage()).isEqualTo(5);
            assertThat(sol.exchangeLiquidation()).isNull();
        });
        assertThat(state.time()).isNull();
        assertThat(state.withdrawable()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void anEmptyAccount_hasNoPositions() {
        WatchedAccountState state = accounts.parse("""
                {"assetPositions":[],"marginSummary":{"accountValue":"0.0"},
                 "crossMarginSummary":{"accountValue":"0.0"},"time":1}""");

        assertThat(state.positions()).isEmpty();
    }

    @Test
    void unreadableAnswers_areBadPayloads() {
        assertThatThrownBy(() -> accounts.parse(PriceFixtures.read("hyperliquid-422.txt")))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> accounts.parse("<html>502</html>")).isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> accounts.parse("{\"assetPositions\":[]}")).isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("marginSummary");
        assertThatThrownBy(() -> accounts.parse("""
                {"assetPositions":[{"position":{"coin":"BTC","szi":"abc"}}],
                 "marginSummary":{"accountValue":"1"},"crossMarginSummary":{"accountValue":"1"}}"""))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("szi");
    }

    @Test
    void market_pairsUniverseWithContextsByIndex_skipsDelisted_andReadsMarginTables() {
        HyperliquidMarket market = markets.parse(PriceFixtures.read("hyperliquid-metaAndAssetCtxs.json"));

        assertThat(market.assets()).containsOnlyKeys("BTC", "ETH", "SOL", "kPEPE");
        assertThat(market.mark("BTC")).contains(new BigDecimal("81327.7"));
        assertThat(market.mark("ETH")).contains(new BigDecimal("2640.7"));
        HyperliquidMarket.Asset btc = market.asset("BTC").orElseThrow();
        assertThat(btc.hourlyFunding()).isEqualByComparingTo("0.0000125");
        assertThat(btc.tiers()).hasSize(2);
        assertThat(btc.tiers().get(0).maxLeverage()).isEqualTo(40);
        assertThat(btc.tiers().get(0).notionalCap()).isEqualByComparingTo("150000000");
        assertThat(btc.tiers().get(1).notionalFloor()).isEqualByComparingTo("150000000");
        assertThat(btc.tiers().get(1).maxLeverage()).isEqualTo(20);
    }

    @Test
    void market_misalignedArrays_areRefused() {
        assertThatThrownBy(() -> markets.parse("[{\"universe\":[{\"name\":\"BTC\"}]},[]]"))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> markets.parse("{}")).isInstanceOf(BadPayloadException.class);
    }
}
