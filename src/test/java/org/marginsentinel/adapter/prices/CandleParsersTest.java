package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.binance.MarkPriceKlinesParser;
import org.marginsentinel.adapter.prices.candles.ExchangeMarkCandles;
import org.marginsentinel.adapter.prices.bybit.MarkPriceKlineParser;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;

/** Both exchanges' candle parsers: closes oldest first, without the forming candle. */
class CandleParsersTest {

    private final MarkPriceKlinesParser binance = new MarkPriceKlinesParser(new ObjectMapper());
    private final MarkPriceKlineParser bybit = new MarkPriceKlineParser(new ObjectMapper());

    private static String rows(String... closes) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < closes.length; i++) {
            json.append(i == 0 ? "" : ",").append("[").append(i).append(",\"1\",\"1\",\"1\",\"").append(closes[i])
                    .append("\",\"0\",").append(i + 1).append(",\"0\",0,\"0\",\"0\",\"0\"]");
        }
        return json.append("]").toString();
    }

    @Test
    void binance_oldestFirst_dropsTheFormingCandle() {
        assertThat(binance.parse(rows("100", "101", "102", "103", "104.5")))
                .containsExactly(new BigDecimal("100"), new BigDecimal("101"), new BigDecimal("102"), new BigDecimal("103"));
    }

    @Test
    void bybit_newestFirst_isReversed_andTheFormingCandleDropped() {
        String body = "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":["
                + "[\"5\",\"1\",\"1\",\"1\",\"105\"],[\"4\",\"1\",\"1\",\"1\",\"104\"],[\"3\",\"1\",\"1\",\"1\",\"103\"],"
                + "[\"2\",\"1\",\"1\",\"1\",\"102\"],[\"1\",\"1\",\"1\",\"1\",\"101\"]]},\"time\":1}";

        assertThat(bybit.parse(body)).containsExactly(new BigDecimal("101"), new BigDecimal("102"),
                new BigDecimal("103"), new BigDecimal("104"));
    }

    @Test
    void timedCloses_carryEachCandlesOpeningTime_inBothLayouts_oldestFirst() {
        assertThat(binance.parseTimed(rows("100", "101", "102"))).containsExactly(
                new Candles.Close(Instant.ofEpochMilli(0), new BigDecimal("100")),
                new Candles.Close(Instant.ofEpochMilli(1), new BigDecimal("101")));
        String body = "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":["
                + "[\"1733324880000\",\"1\",\"1\",\"1\",\"103\"],[\"1733324820000\",\"1\",\"1\",\"1\",\"102\"],"
                + "[\"1733324760000\",\"1\",\"1\",\"1\",\"101\"]]},\"time\":1}";
        assertThat(bybit.parseTimed(body)).containsExactly(
                new Candles.Close(Instant.ofEpochMilli(1733324760000L), new BigDecimal("101")),
                new Candles.Close(Instant.ofEpochMilli(1733324820000L), new BigDecimal("102")));
        assertThat(binance.parseTimed(rows("100", "101"))).as("one closed candle draws no line").isEmpty();
    }

    @Test
    void backfillIntervals_areTheShortestThatCoverTheSpanInOneRequest() {
        assertThat(ExchangeMarkCandles.intervalMinutes(Duration.ofHours(6))).isEqualTo(1);
        assertThat(ExchangeMarkCandles.intervalMinutes(Duration.ofHours(16))).isEqualTo(1);
        assertThat(ExchangeMarkCandles.intervalMinutes(Duration.ofHours(24))).isEqualTo(3);
        assertThat(ExchangeMarkCandles.intervalMinutes(Duration.ofDays(7))).isEqualTo(15);
    }

    @Test
    void recordedFixtures_areReadToo_butThreeCandlesAreTooFewForAnEstimate() {
        // the shared fixtures hold three candles each: two closed ones are not enough
        assertThatThrownBy(() -> binance.parse(PriceFixtures.read("binance-klines.json")))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("only 3 candles");
        assertThatThrownBy(() -> bybit.parse(PriceFixtures.read("bybit-kline.json")))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("only 3 candles");
    }

    @Test
    void badCloses_errorsAndHtml_rejectTheWholeAnswer() {
        assertThatThrownBy(() -> binance.parse(rows("100", "0", "102", "103", "104")))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> binance.parse(rows("100", "abc", "102", "103", "104")))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> binance.parse("<html>blocked</html>")).isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> binance.parse("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> bybit.parse(PriceFixtures.read("bybit-error-10006.json")))
                .isInstanceOf(RateLimitedException.class);
    }
}
