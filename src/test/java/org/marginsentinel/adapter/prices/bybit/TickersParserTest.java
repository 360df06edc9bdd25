package org.marginsentinel.adapter.prices.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.RateLimitedException;
import org.marginsentinel.adapter.prices.RegionBlockedException;
import org.marginsentinel.adapter.prices.SourceSnapshot;
import org.marginsentinel.adapter.prices.TransientSourceException;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.junit.jupiter.api.Test;

class TickersParserTest {

    private final TickersParser parser = new TickersParser(new ObjectMapper());

    @Test
    void parse_fixture_givesEveryUsdtPerpetualMark() {
        SourceSnapshot snapshot = parser.parse(PriceFixtures.read("bybit-tickers-linear.json"));

        assertThat(snapshot.source()).isEqualTo("bybit");
        assertThat(snapshot.marks()).containsOnlyKeys("BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT");
        assertThat(snapshot.marks().get("BTCUSDT")).isEqualByComparingTo("81338.44");
        assertThat(snapshot.marks().get("ETHUSDT")).isEqualByComparingTo("2641.40");
        assertThat(snapshot.marks().get("SOLUSDT")).isEqualByComparingTo("112.431");
        assertThat(snapshot.marks().get("1000PEPEUSDT")).isEqualByComparingTo("0.0038446");
        assertThat(snapshot.rejected()).isEmpty();
    }

    @Test
    void parse_fixture_carriesFundingRateAndNextFundingTime() {
        SourceSnapshot snapshot = parser.parse(PriceFixtures.read("bybit-tickers-linear.json"));

        assertThat(snapshot.funding().get("BTCUSDT").rate()).isEqualByComparingTo("0.00007851");
        assertThat(snapshot.funding().get("BTCUSDT").nextFundingTime())
                .isEqualTo(java.time.Instant.ofEpochMilli(1789833600000L));
        assertThat(snapshot.funding().get("ETHUSDT").rate()).isEqualByComparingTo("0.0001");
    }

    @Test
    void parse_fixturesOfBothVenues_agreeWithinATenthOfAPercent() {
        SourceSnapshot bybit = parser.parse(PriceFixtures.read("bybit-tickers-linear.json"));
        SourceSnapshot binance = new org.marginsentinel.adapter.prices.binance.PremiumIndexParser(new ObjectMapper())
                .parse(PriceFixtures.read("binance-premiumIndex.json"));

        bybit.marks().forEach((symbol, mark) -> {
            double ratio = mark.doubleValue() / binance.marks().get(symbol).doubleValue();
            assertThat(ratio).as(symbol).isBetween(0.999, 1.001);
        });
    }

    @Test
    void parse_datedFuturesAndUsdcPerpetuals_areSkipped() {
        String body = """
                {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[
                  {"symbol":"BTCUSDT","markPrice":"81338.44","deliveryTime":"0"},
                  {"symbol":"BTCPERP","markPrice":"81340.00","deliveryTime":"0"},
                  {"symbol":"BTCUSDT-26DEC26","markPrice":"83011.00","deliveryTime":"1798272000000"},
                  {"symbol":"ETHUSDT","markPrice":"2641.40","deliveryTime":"1798272000000"}
                ]},"retExtInfo":{},"time":1789824000123}
                """;

        SourceSnapshot snapshot = parser.parse(body);

        assertThat(snapshot.marks()).containsOnlyKeys("BTCUSDT");
    }

    @Test
    void parse_rowsKeyedByTheirOwnSymbolField() {
        String body = """
                {"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[
                  {"symbol":"ETHUSDT","markPrice":"2641.40"},
                  {"symbol":"BTCUSDT","markPrice":"81338.44"}
                ]},"time":1789824000123}
                """;

        SourceSnapshot snapshot = parser.parse(body);

        assertThat(snapshot.marks().get("BTCUSDT")).isEqualByComparingTo("81338.44");
        assertThat(snapshot.marks().get("ETHUSDT")).isEqualByComparingTo("2641.40");
    }

    @Test
    void parse_retCode10006OnHttp200_isRateLimited() {
        assertThatThrownBy(() -> parser.parse(PriceFixtures.read("bybit-error-10006.json")))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("10006");
    }

    @Test
    void parse_retCode10009_isRegionBlocked() {
        assertThatThrownBy(() -> parser.parse("{\"retCode\":10009,\"retMsg\":\"region restricted\",\"result\":{}}"))
                .isInstanceOf(RegionBlockedException.class);
    }

    @Test
    void parse_retCode10016_isTransient() {
        assertThatThrownBy(() -> parser.parse("{\"retCode\":10016,\"retMsg\":\"server error\",\"result\":{}}"))
                .isInstanceOf(TransientSourceException.class);
    }

    @Test
    void parse_unknownRetCode_isBadPayload() {
        assertThatThrownBy(() -> parser.parse("{\"retCode\":10001,\"retMsg\":\"params error\",\"result\":{}}"))
                .isInstanceOf(BadPayloadException.class);
    }

    @Test
    void parse_cloudFrontHtml_isBadPayload() {
        assertThatThrownBy(() -> parser.parse(PriceFixtures.read("bybit-403-cloudfront.html")))
                .isInstanceOf(BadPayloadException.class)
                .hasMessageContaining("HTML");
    }

    @Test
    void parse_truncatedFixture_isBadPayload() {
        String full = PriceFixtures.read("bybit-tickers-linear.json");

        assertThatThrownBy(() -> parser.parse(full.substring(0, full.length() - 40)))
                .isInstanceOf(BadPayloadException.class);
    }

    @Test
    void parse_noRetCode_isBadPayload() {
        assertThatThrownBy(() -> parser.parse("{\"result\":{\"list\":[]}}")).isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> parser.parse("[1,2,3]")).isInstanceOf(BadPayloadException.class);
    }
}
