package org.marginsentinel.adapter.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.watch.WatchBook;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.hamcrest.Matcher;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class RiskResourceTest {

    private static final String ISOLATED_LONG = """
            { "walletBalance": "10000",
              "positions": [ { "id": "p1", "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.5",
                               "entryPrice": "60000", "markPrice": "58000", "marginMode": "ISOLATED",
                               "leverage": 20, "isolatedMargin": "1500",
                               "maintenanceMarginRate": "0.004", "maintenanceAmount": "0",
                               "tiers": [ { "notionalFloor": "0", "notionalCap": "50000",
                                            "maintenanceMarginRate": "0.004", "maintenanceAmount": "0" } ] } ] }""";

    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    /** JSON numbers come back as Integer or BigDecimal depending on their digits; compare them exactly. */
    private static Matcher<Object> near(String expected, String tolerance) {
        Matcher<BigDecimal> close = closeTo(new BigDecimal(expected), new BigDecimal(tolerance));
        return new org.hamcrest.CustomTypeSafeMatcher<>("a number within " + tolerance + " of " + expected) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && close.matches(new BigDecimal(actual.toString()));
            }
        };
    }

    private ValidatableResponse post(String body) {
        return given().config(EXACT_NUMBERS).contentType(ContentType.JSON).body(body).when().post("/api/v1/risk/evaluate").then();
    }

    @Test
    void evaluate_issueExample_valuesTheIsolatedLong() {
        post(ISOLATED_LONG).statusCode(200)
                .body("positions[0].id", equalTo("p1"))
                .body("positions[0].notional", near("29000", "1e-9"))
                .body("positions[0].unrealizedPnl", near("-1000", "1e-9"))
                .body("positions[0].maintenanceMargin", near("116", "1e-9"))
                .body("positions[0].marginRatio", near("0.232", "1e-9"))
                .body("positions[0].liquidationPrice", near("57228.91566265", "1e-8"))
                .body("positions[0].distanceToLiquidation", near("0.01329455", "1e-8"))
                .body("cross.walletBalance", near("8500", "1e-9"))
                .body("cross.marginRatio", near("0", "1e-12"));
    }

    @Test
    void evaluate_binanceFaqCrossExample_reproducesBothLiquidationPrices() {
        String body = """
                { "walletBalance": 1535443.01, "positions": [
                  { "symbol": "BTCUSDT", "side": "long", "quantity": 109.488, "entryPrice": 32481.98,
                    "markPrice": 31967.27, "marginMode": "cross", "maintenanceMarginRate": 0.025,
                    "maintenanceAmount": 16300 },
                  { "symbol": "ETH", "side": "LONG", "quantity": "3683.979", "entryPrice": "1456.84",
                    "markPrice": "1335.18", "marginMode": "CROSS", "maintenanceMarginRate": "0.10",
                    "maintenanceAmount": "135365" } ] }""";

        post(body).statusCode(200)
                .body("positions.id", contains("p1", "p2"))
                .body("positions[1].symbol", equalTo("ETHUSDT"))
                .body("positions[0].liquidationPrice", near("26316.89", "0.005"))
                .body("positions[1].liquidationPrice", near("1153.26", "0.005"))
                .body("cross.maintenanceMargin", near("427713.318", "0.01"));
    }

    @Test
    void evaluate_withFeeAndFundingRates_answersTheCloseFee_theNextFunding_andTheLiquidationPriceAfterIt() {
        // 20x BTC long, 0.1 @ 50,000, margin 250, MMR 0.4%: liquidation (5,000 − 250) / 0.0996 = 47,690.76;
        // funding 0.1% pays 5 from the isolated margin: (5,000 − 245) / 0.0996 = 47,740.96; close fee 0.05% = 2.5
        String body = """
                { "walletBalance": "10000", "takerFeeRate": "0.0005", "positions": [
                  { "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.1", "entryPrice": "50000",
                    "markPrice": "50000", "marginMode": "ISOLATED", "leverage": 20, "fundingRate": "0.001" },
                  { "symbol": "ETHUSDT", "side": "SHORT", "quantity": "1", "entryPrice": "3000",
                    "markPrice": "3000", "marginMode": "CROSS", "leverage": 10 } ] }""";

        post(body).statusCode(200)
                .body("positions[0].liquidationPrice", near("47690.76", "0.005"))
                .body("positions[0].closeFee", near("2.5", "1e-9"))
                .body("positions[0].nextFunding", near("-5", "1e-9"))
                .body("positions[0].liquidationPriceAfterFunding", near("47740.96", "0.005"))
                .body("positions[0].tierSource", equalTo("Binance brackets of 2024-10-24"))
                .body("positions[1].closeFee", near("1.5", "1e-9"))
                .body("positions[1].nextFunding", nullValue())
                .body("positions[1].liquidationPriceAfterFunding", nullValue());
    }

    @Test
    void evaluate_withoutOverrides_usesShippedTiers_andNoLiquidationIsNull() {
        String body = """
                { "walletBalance": "6000", "positions": [
                  { "symbol": "BTCUSDT", "side": "LONG", "quantity": "0.1", "entryPrice": "60000",
                    "markPrice": "60000", "marginMode": "ISOLATED", "leverage": 1 } ] }""";

        post(body).statusCode(200)
                .body("positions[0].maintenanceMargin", near("24", "1e-9"))
                .body("positions[0].liquidationPrice", nullValue())
                .body("positions[0].distanceToLiquidation", nullValue())
                .body("positions[0].tierSource", equalTo("Binance brackets of 2024-10-24"));
    }

    @Test
    void evaluate_symbolWithoutExchangeTiers_saysItIsAnEstimate_andIsStricterThanAListedSymbol() {
        String body = """
                { "walletBalance": "40000", "positions": [
                  { "id": "listed", "symbol": "BTCUSDT", "side": "LONG", "quantity": "1", "entryPrice": "100000",
                    "markPrice": "100000", "marginMode": "ISOLATED", "leverage": 10 },
                  { "id": "unknown", "symbol": "NOTIERSUSDT", "side": "LONG", "quantity": "1", "entryPrice": "100000",
                    "markPrice": "100000", "marginMode": "ISOLATED", "leverage": 10 },
                  { "id": "given", "symbol": "NOTIERSUSDT", "side": "LONG", "quantity": "1", "entryPrice": "100000",
                    "markPrice": "100000", "marginMode": "ISOLATED", "leverage": 10,
                    "maintenanceMarginRate": "0.01" } ] }""";

        post(body).statusCode(200)
                .body("positions[0].tierSource", equalTo("Binance brackets of 2024-10-24"))
                .body("positions[0].maintenanceMargin", near("450", "1e-9"))
                .body("positions[1].tierSource", containsString("estimate: no exchange tiers for NOTIERSUSDT"))
                .body("positions[1].maintenanceMargin", not(near("450", "450")))
                .body("positions[2].tierSource", equalTo("tiers given in the request"))
                .body("positions[2].maintenanceMargin", near("1000", "1e-9"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"0","entryPrice":"1","markPrice":"1","marginMode":"CROSS"}]} | positions[0].quantity
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"-2","entryPrice":"1","markPrice":"1","marginMode":"CROSS"}]} | positions[0].quantity
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"UP","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS"}]} | positions[0].side
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"HEDGE"}]} | positions[0].marginMode
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"abc","entryPrice":"1","markPrice":"1","marginMode":"CROSS"}]} | positions[0].quantity
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","markPrice":"1","marginMode":"CROSS"}]} | positions[0].entryPrice
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"0","marginMode":"CROSS"}]} | positions[0].markPrice
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS","leverage":500}]} | positions[0].leverage
            {"walletBalance":"1000","positions":[{"symbol":"BTC💥","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS"}]} | positions[0].symbol
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS","isolatedMargin":"5"}]} | positions[0].isolatedMargin
            {"walletBalance":"10","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"100","markPrice":"100","marginMode":"ISOLATED","leverage":2}]} | walletBalance
            {"walletBalance":"-5","positions":[]} | walletBalance
            {"positions":[]} | walletBalance
            {"walletBalance":"1"} | positions
            {"walletBalance":"1","positions":[],"extra":1} | extra
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS","tiers":[{"notionalFloor":"10","maintenanceMarginRate":"0.01"}]}]} | positions[0].tiers
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS","maintenanceMarginRate":"1.5"}]} | positions[0].maintenanceMarginRate
            {"walletBalance":"1000","takerFeeRate":"0.5","positions":[]} | takerFeeRate
            {"walletBalance":"1000","positions":[{"symbol":"BTCUSDT","side":"LONG","quantity":"1","entryPrice":"1","markPrice":"1","marginMode":"CROSS","fundingRate":"2"}]} | positions[0].fundingRate
            [1,2,3] | $
            {"walletBalance": | $
            """)
    void evaluate_badInput_is400NamingTheField(String body, String field) {
        post(body).statusCode(400)
                .body("error", equalTo("invalid request"))
                .body("problems.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    @Test
    void evaluate_moreThan500Positions_is400() {
        StringBuilder body = new StringBuilder("{\"walletBalance\":\"1000\",\"positions\":[");
        for (int i = 0; i < 501; i++) {
            body.append(i == 0 ? "" : ",").append("{\"symbol\":\"BTCUSDT\",\"side\":\"LONG\",\"quantity\":\"0.001\","
                    + "\"entryPrice\":\"60000\",\"markPrice\":\"60000\",\"marginMode\":\"CROSS\"}");
        }
        post(body.append("]}").toString()).statusCode(400).body("problems.field", hasItem("positions"));
    }

    @Test
    void evaluate_bodyOverOneMebibyte_is400() {
        String padding = " ".repeat(RiskResource.MAX_BODY_BYTES);
        post("{\"walletBalance\":\"1\",\"positions\":[]}" + padding).statusCode(400)
                .body("problems[0].message", containsString("1 MiB"));
    }

    @Test
    void openApi_publishesTheEvaluateOperation() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/risk/evaluate"));
    }

    @Inject
    WatchBook watchBook;

    @Inject
    Clock clock;

    /** Issue 13: the same rules and margin table the watcher values a Hyperliquid account with. */
    @Test
    void venueHyperliquid_valuesByHyperliquidsMarginTable_andEveryPositionSaysItsVenue() {
        watchBook.market(new HyperliquidMarket(Map.of("ETH", new HyperliquidMarket.Asset("ETH", new BigDecimal("3000"),
                BigDecimal.ZERO, 25, List.of(new PublishedTier(BigDecimal.ZERO, null, 25, null, null))))),
                clock.instant());
        String ethLong = """
                { "walletBalance": "1000", %s
                  "positions": [ { "symbol": "%s", "side": "LONG", "quantity": "1", "entryPrice": "3000",
                                   "markPrice": "3000", "marginMode": "ISOLATED", "leverage": 5 } ] }""";

        // Maintenance 1/(2 × 25) = 2%: liquidation (3,000 − 600) / 0.98 = 2,448.98.
        post(ethLong.formatted("\"venue\": \"hyperliquid\",", "ETH")).statusCode(200)
                .body("positions[0].liquidationPrice", near("2448.97959184", "1e-8"))
                .body("positions[0].venue", equalTo("hyperliquid"))
                .body("positions[0].tierSource", equalTo("Hyperliquid margin table of ETH"));
        post(ethLong.formatted("", "ETH")).statusCode(200)
                .body("positions[0].venue", equalTo("binance"))
                .body("positions[0].liquidationPrice", not(near("2448.97959184", "1e-2")));
        post(ethLong.formatted("\"venue\": \"hyperliquid\",", "NOTLISTED")).statusCode(400)
                .body("problems.field", hasItem("positions[0].symbol"));
        post(ethLong.formatted("\"venue\": \"okx\",", "ETH")).statusCode(400)
                .body("problems.field", hasItem("venue"));
    }
}
