package org.marginsentinel.adapter.prices.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.marginsentinel.application.port.InstrumentSteps.Steps;

/** The exchanges' instrument lists read into tick and step sizes, from recorded payloads. */
class InstrumentListsTest {

    private final InstrumentLists lists = new InstrumentLists(new ObjectMapper());

    @Test
    void binance_takesPriceFiltersTick_andLotSizesStepAndMinimum() {
        Map<String, Steps> steps = lists.binance(PriceFixtures.read("binance-exchangeInfo.json"));

        assertThat(steps).containsOnlyKeys("BTCUSDT", "1000PEPEUSDT");
        assertThat(steps.get("BTCUSDT").tickSize()).isEqualByComparingTo("0.10");
        assertThat(steps.get("BTCUSDT").stepSize()).isEqualByComparingTo("0.001");
        assertThat(steps.get("1000PEPEUSDT").tickSize()).isEqualByComparingTo("0.0000001");
        assertThat(steps.get("1000PEPEUSDT").stepSize()).isEqualByComparingTo("1");
        assertThat(steps.get("BTCUSDT").significantFigures()).isNull();
        assertThat(steps.get("BTCUSDT").minQuantity()).isEqualByComparingTo("0.001");
        assertThat(steps.get("BTCUSDT").minNotional()).as("MIN_NOTIONAL notional").isEqualByComparingTo("100");
        assertThat(steps.get("1000PEPEUSDT").minNotional()).isEqualByComparingTo("5");
    }

    @Test
    void bybit_readsAPage_andTheCursorOfTheNext() {
        InstrumentLists.BybitPage first = lists.bybit(PriceFixtures.read("bybit-instruments-info-linear.page1.json"));
        InstrumentLists.BybitPage last = lists.bybit(PriceFixtures.read("bybit-instruments-info-linear.page2.json"));

        assertThat(first.steps()).containsOnlyKeys("BTCUSDT", "DOGEUSDT");
        assertThat(first.steps().get("DOGEUSDT")).isEqualTo(
                Steps.withMinimum(new BigDecimal("0.00001"), BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("5")));
        assertThat(first.nextCursor()).isEqualTo("first%3D1000PEPEUSDT%26last%3DSOLUSDT");
        assertThat(last.steps().get("SOLUSDT")).isEqualTo(
                Steps.withMinimum(new BigDecimal("0.010"), new BigDecimal("0.1"), new BigDecimal("0.1"), new BigDecimal("5")));
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void hyperliquid_givesEachListedCoinItsSizeDecimals_andTheFinestPriceStep() {
        Map<String, Steps> steps = lists.hyperliquid(PriceFixtures.read("hyperliquid-meta.json"));

        assertThat(steps).containsOnlyKeys("BTC", "ETH", "SOL", "kPEPE"); // delisted MATIC left out
        assertThat(steps.get("BTC")).isEqualTo(new Steps(new BigDecimal("0.1"), new BigDecimal("0.00001"), 5));
        assertThat(steps.get("kPEPE")).isEqualTo(new Steps(new BigDecimal("0.000001"), BigDecimal.ONE, 5));
        // the metaAndAssetCtxs tuple reads the same
        assertThat(lists.hyperliquid(PriceFixtures.read("hyperliquid-metaAndAssetCtxs.json"))).isEqualTo(steps);
    }

    @Test
    void aRowWithoutUsableSteps_isLeftOut_andTheOthersStay() {
        String body = """
                {"symbols": [
                  {"symbol": "ODDUSDT", "filters": [{"filterType": "PRICE_FILTER", "tickSize": "0"},
                                                    {"filterType": "LOT_SIZE", "stepSize": "n/a"}]},
                  {"symbol": "NEWUSDT", "filters": [{"filterType": "PRICE_FILTER", "tickSize": "0.001"}]}
                ]}""";

        Map<String, Steps> steps = lists.binance(body);

        assertThat(steps).containsOnlyKeys("NEWUSDT");
        assertThat(steps.get("NEWUSDT").stepSize()).isNull();
    }

    @Test
    void anHtmlPage_aCutOffBody_orAnErrorCode_isABadPayload() {
        assertThatThrownBy(() -> lists.binance(PriceFixtures.read("binance-451.json")))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> lists.bybit(PriceFixtures.read("bybit-403-cloudfront.html")))
                .isInstanceOf(BadPayloadException.class);
        assertThatThrownBy(() -> lists.bybit(PriceFixtures.read("bybit-error-10006.json")))
                .isInstanceOf(BadPayloadException.class).hasMessageContaining("10006");
        assertThatThrownBy(() -> lists.hyperliquid("{\"universe\": [")).isInstanceOf(BadPayloadException.class);
    }
}
