package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.fake.BinanceAccountFake;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;

/** Binance's official examples, which are not even valid JSON, read leniently into the domain's records. */
class BinanceAccountParserTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theOfficialAccountExample_isNotValidJson_butReadsAfterRepair() {
        String account = BinanceAccountFake.read("binance-fapi-v3-account.single-asset.official.jsonc");
        assertThatThrownBy(() -> new ObjectMapper().readTree(account)).as("the doc example as published")
                .isInstanceOf(Exception.class);

        ExchangeAccountSnapshot snapshot = BinanceAccountParser.snapshot(account,
                BinanceAccountFake.read("binance-fapi-v3-positionRisk.hedge.official.jsonc"), NOW);

        assertThat(snapshot.walletBalance()).isEqualByComparingTo("103.12345678");
        assertThat(snapshot.marginBalance()).isEqualByComparingTo("103.12345678");
        assertThat(snapshot.maintenanceMargin()).isEqualByComparingTo("0");
        assertThat(snapshot.exchangeMarginRatio()).isEqualByComparingTo("0");
        assertThat(snapshot.availableBalance()).isEqualByComparingTo("103.12345678");
        assertThat(snapshot.positions()).hasSize(2);
    }

    @Test
    void hedgeModeRows_sideFromPositionSide_crossWithoutIsolatedWallet_leverageFromInitialMargin_noLiquidationAsNull() {
        ExchangeAccountSnapshot snapshot = BinanceAccountParser.snapshot("{\"totalWalletBalance\":\"100\"}",
                BinanceAccountFake.read("binance-fapi-v3-positionRisk.hedge.official.jsonc"), NOW);

        ExchangePosition ada = snapshot.positions().get(0);
        assertThat(ada.symbol()).isEqualTo("ADAUSDT");
        assertThat(ada.side()).isEqualTo(Side.LONG);
        assertThat(ada.size()).isEqualByComparingTo("30");
        assertThat(ada.mode()).isEqualTo(MarginMode.CROSS);
        assertThat(ada.leverage()).as("12.314277 / 0.61571385").isEqualTo(20);
        assertThat(ada.exchangeLiquidation()).as("\"0\" means none").isNull();
        assertThat(ada.adlRank()).isEqualTo(2);
        assertThat(ada.adlRankMax()).isEqualTo(4);
        ExchangePosition comp = snapshot.positions().get(1);
        assertThat(comp.side()).isEqualTo(Side.SHORT);
        assertThat(comp.size()).isEqualByComparingTo("1");
        assertThat(comp.exchangeLiquidation()).isEqualByComparingTo("2260.56757210");
        assertThat(comp.markPrice()).isEqualByComparingTo("49.72023376");
        assertThat(comp.maintenanceMargin()).isEqualByComparingTo("0.49720233");
    }

    @Test
    void oneWayIsolatedRows_numbersAsNumbers_andEmptyRowsDropped() {
        String positions = """
                [{"symbol":"BTCUSDT","positionSide":"BOTH","positionAmt":-0.5,"entryPrice":60000,"markPrice":61000,
                  "unRealizedProfit":-500,"liquidationPrice":64000.5,"isolatedWallet":"1500","notional":-30500,
                  "positionInitialMargin":3050,"maintMargin":122,"adl":4},
                 {"symbol":"ETHUSDT","positionSide":"BOTH","positionAmt":"0","entryPrice":"0"}]""";

        ExchangePosition btc = BinanceAccountParser.snapshot("{}", positions, NOW).positions().get(0);

        assertThat(BinanceAccountParser.snapshot("{}", positions, NOW).positions()).hasSize(1);
        assertThat(btc.side()).isEqualTo(Side.SHORT);
        assertThat(btc.mode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(btc.isolatedMargin()).isEqualByComparingTo("1500");
        assertThat(btc.leverage()).isEqualTo(10);
        assertThat(btc.exchangeLiquidation()).isEqualByComparingTo(new BigDecimal("64000.5"));
    }

    @Test
    void permissions_theOfficialExampleCanTradePortfolioMargin_theReadOnlyOneOnlyReads() {
        KeyPermissions official = BinanceAccountParser.permissions(
                BinanceAccountFake.read("binance-sapi-apiRestrictions.official.jsonc"));
        KeyPermissions readOnly = BinanceAccountParser.permissions(
                BinanceAccountFake.read("binance-sapi-apiRestrictions.read-only.json"));

        assertThat(official.canTrade()).as("enablePortfolioMarginTrading: true").isTrue();
        assertThat(official.canWithdraw()).isFalse();
        assertThat(readOnly).isEqualTo(new KeyPermissions(true, false, false, false, null));
        assertThat(BinanceAccountParser.permissions("{\"enableReading\":true,\"enableWithdrawals\":true}")
                .canWithdraw()).isTrue();
    }

    @Test
    void repair_leavesValidJsonAlone_andFixesTheDocBugs() {
        String valid = "{\"a\":\"x // not a comment\",\"b\":[1,2]}";
        assertThat(LenientJson.repair(valid)).isEqualTo(valid);
        assertThat(LenientJson.parse("{\"a\": 1 // note\n \"b\": 2,}").path("b").asInt()).isEqualTo(2);
        assertThat(LenientJson.parse("[{\"a\":1}，{\"a\":2}]").size()).isEqualTo(2);
    }
}
