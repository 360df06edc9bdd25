package org.marginsentinel.adapter.prices.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.SourceSnapshot;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PremiumIndexParserTest {

    private final PremiumIndexParser parser = new PremiumIndexParser(new ObjectMapper());

    @Test
    void parse_fixture_givesEveryUsdtPerpetualMarkAsBigDecimal() {
        SourceSnapshot snapshot = parser.parse(PriceFixtures.read("binance-premiumIndex.json"));

        assertThat(snapshot.source()).isEqualTo("binance");
        assertThat(snapshot.marks()).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT");
        assertThat(snapshot.marks().get("BTCUSDT")).isEqualByComparingTo("81341.2");
        assertThat(snapshot.marks().get("ETHUSDT")).isEqualByComparingTo("2641.53");
        assertThat(snapshot.marks().get("SOLUSDT")).isEqualByComparingTo("112.43");
        assertThat(snapshot.marks().get("1000PEPEUSDT")).isEqualByComparingTo("0.0038447");
        // The exchange's exact text survives: no trip through double.
        assertThat(snapshot.marks().get("1000PEPEUSDT").toPlainString()).isEqualTo("0.00384470");
        assertThat(snapshot.symbols()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT");
        assertThat(snapshot.rejected()).isEmpty();
    }

    @Test
    void parse_fixture_carriesEachSymbolsAnnouncedFunding() {
        SourceSnapshot snapshot = parser.parse(PriceFixtures.read("binance-premiumIndex.json"));

        assertThat(snapshot.funding()).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT");
        assertThat(snapshot.funding().get("BTCUSDT").rate()).isEqualByComparingTo("0.00007213");
        assertThat(snapshot.funding().get("BTCUSDT").nextFundingTime())
                .isEqualTo(java.time.Instant.ofEpochMilli(1789833600000L));
    }

    @Test
    void parse_deliveryCoinMarginedAndUsdcContracts_areSkipped() {
        String body = """
                [
                  {"symbol":"BTCUSDT","markPrice":"81341.2","time":1789824000000},
                  {"symbol":"BTCUSDT_261225","markPrice":"83020.5","time":1789824000000},
                  {"symbol":"BTCUSD_PERP","markPrice":"81330.1","time":1789824000000},
                  {"symbol":"ETHUSDC","markPrice":"2641.0","time":1789824000000}
                ]
                """;

        SourceSnapshot snapshot = parser.parse(body);

        assertThat(snapshot.marks()).containsOnlyKeys("BTCUSDT");
        assertThat(snapshot.symbols()).containsExactly("BTCUSDT");
    }

    @Test
    void parse_badPricesInSomeRows_keepsTheGoodRowsAndListsTheBadOnes() {
        String body = """
                [
                  {"symbol":"BTCUSDT","markPrice":"81341.2"},
                  {"symbol":"ETHUSDT","markPrice":"0.00000000"},
                  {"symbol":"SOLUSDT","markPrice":"-112.43"},
                  {"symbol":"XRPUSDT","markPrice":"abc"},
                  {"symbol":"ADAUSDT","markPrice":""},
                  {"symbol":"DOGEUSDT","markPrice":null},
                  {"symbol":"LTCUSDT","markPrice":"NaN"},
                  {"symbol":"BNBUSDT","markPrice":{"value":"600"}}
                ]
                """;

        SourceSnapshot snapshot = parser.parse(body);

        assertThat(snapshot.marks()).containsOnlyKeys("BTCUSDT");
        assertThat(snapshot.symbols()).contains("ETHUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT", "DOGEUSDT", "LTCUSDT");
        assertThat(snapshot.rejected()).hasSize(7);
    }

    @Test
    void parse_numberInsteadOfString_isStillReadExactly() {
        SourceSnapshot snapshot = parser.parse("[{\"symbol\":\"BTCUSDT\",\"markPrice\":81341.20000001}]");

        assertThat(snapshot.marks().get("BTCUSDT")).isEqualByComparingTo(new BigDecimal("81341.20000001"));
    }

    @Test
    void parse_symbolListedTwiceWithDifferentMarks_dropsIt() {
        String body = """
                [
                  {"symbol":"BTCUSDT","markPrice":"81341.2"},
                  {"symbol":"ETHUSDT","markPrice":"2641.53"},
                  {"symbol":"BTCUSDT","markPrice":"0.33"}
                ]
                """;

        SourceSnapshot snapshot = parser.parse(body);

        assertThat(snapshot.marks()).containsOnlyKeys("ETHUSDT");
        assertThat(snapshot.symbols()).contains("BTCUSDT");
    }

    @Test
    void parse_singleSymbolObject_isNotTheAllSymbolArray() {
        assertThatThrownBy(() -> parser.parse(PriceFixtures.read("binance-premiumIndex-single.json")))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void parse_htmlPage_isBadPayload() {
        assertThatThrownBy(() -> parser.parse(PriceFixtures.read("bybit-403-cloudfront.html")))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("HTML");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "[{\"symbol\":\"BTCUSDT\",\"markPrice\":\"81341.2\"},{\"symbol\":\"ETHUS",
            "[{\"symbol\":\"BTCUSDT\",\"markPrice\":\"81341.2\"}",
            "[{\"symbol\":\"BTCUSDT\",\"markPrice\":\"81341.2\"}] trailing",
            "",
            "   ",
            "[]",
            "[{\"symbol\":\"BTCUSDT\",\"markPrice\":\"0\"}]",
            "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}",
    })
    void parse_truncatedEmptyOrUseless_isBadPayload(String body) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(BadPayloadException.class);
    }

    @Test
    void parse_wholeFixtureCutInHalf_isBadPayload() {
        String full = PriceFixtures.read("binance-premiumIndex.json");

        assertThatThrownBy(() -> parser.parse(full.substring(0, full.length() / 2)))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("truncated");
    }
}
