package org.marginsentinel.adapter.prices.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake itself, as other test resources will use it. */
class PriceApiFakeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void start_servesFixturesAndPointsConfigAtItself() throws Exception {
        PriceApiFake fake = PriceApiFake.start();
        try {
            assertThat(fake.configProperties())
                    .containsEntry("sentinel.prices.binance-url", fake.baseUrl())
                    .containsEntry("sentinel.prices.bybit-url", fake.baseUrl());
            assertThat(fake.baseUrl()).startsWith("http://127.0.0.1:");

            long before = java.time.Instant.now().toEpochMilli();
            HttpResponse<String> binance = get(fake.baseUrl() + PriceApiFake.BINANCE_PATH);
            HttpResponse<String> bybit = get(fake.baseUrl() + PriceApiFake.BYBIT_PATH + "?category=linear");

            assertThat(binance.statusCode()).isEqualTo(200);
            assertThat(withoutTimes(binance.body())).isEqualTo(withoutTimes(PriceFixtures.read("binance-premiumIndex.json")));
            assertThat(withoutTimes(bybit.body())).isEqualTo(withoutTimes(PriceFixtures.read("bybit-tickers-linear.json")));
            // exchange time follows the clock (the system clock here: no application runs)
            assertThat(times(binance.body())).hasSize(4).allSatisfy(time -> assertThat(time).isGreaterThanOrEqualTo(before));
            assertThat(times(bybit.body())).singleElement().satisfies(time -> assertThat(time).isGreaterThanOrEqualTo(before));
            assertThat(fake.binanceRequestCount()).isEqualTo(1);
            assertThat(fake.bybitRequestCount()).isEqualTo(1);
        } finally {
            fake.stop();
        }
        assertThat(fake.server().isRunning()).isFalse();
    }

    @Test
    void bybit_showsBinancesMarks_untilATestSetsItsAnswer_andAnExplicitOldTimeIsKept() throws Exception {
        PriceApiFake fake = PriceApiFake.start();
        try {
            fake.servesBinanceMarks(Map.of("BTCUSDT", "80000"));
            assertThat(get(fake.baseUrl() + PriceApiFake.BYBIT_PATH + "?category=linear").body())
                    .contains("\"markPrice\":\"80000\"").doesNotContain("ETHUSDT");

            fake.servesBybitMarks(Map.of("BTCUSDT", "81000"));
            fake.servesBinanceMarksAt(Map.of("BTCUSDT", "79000"), java.time.Instant.ofEpochMilli(1_700_000_000_000L));
            assertThat(get(fake.baseUrl() + PriceApiFake.BYBIT_PATH + "?category=linear").body())
                    .contains("\"markPrice\":\"81000\"");
            assertThat(times(get(fake.baseUrl() + PriceApiFake.BINANCE_PATH).body())).containsExactly(1_700_000_000_000L);
        } finally {
            fake.stop();
        }
    }

    private static String withoutTimes(String body) {
        return body.replaceAll("\"time\"\\s*:\\s*\\d+", "\"time\":T");
    }

    private static java.util.List<Long> times(String body) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"time\"\\s*:\\s*(\\d+)").matcher(body);
        java.util.List<Long> times = new java.util.ArrayList<>();
        while (matcher.find()) {
            times.add(Long.parseLong(matcher.group(1)));
        }
        return times;
    }

    @Test
    void helpers_replaceTheAnswerUntilReset() throws Exception {
        PriceApiFake fake = PriceApiFake.start();
        try {
            fake.servesBinanceMarks(Map.of("BTCUSDT", "80000"));
            assertThat(get(fake.baseUrl() + PriceApiFake.BINANCE_PATH).body())
                    .contains("\"symbol\":\"BTCUSDT\"", "\"markPrice\":\"80000\"").doesNotContain("ETHUSDT");

            fake.binanceRateLimits(429, "binance-429.json", "30");
            HttpResponse<String> limited = get(fake.baseUrl() + PriceApiFake.BINANCE_PATH);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("30");

            fake.bybitFailsWith(403, "bybit-403-cloudfront.html");
            HttpResponse<String> blocked = get(fake.baseUrl() + PriceApiFake.BYBIT_PATH + "?category=linear");
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(blocked.headers().firstValue("Content-Type")).contains("text/html");

            fake.reset();
            assertThat(fake.binanceRequestCount()).isZero();
            assertThat(withoutTimes(get(fake.baseUrl() + PriceApiFake.BINANCE_PATH).body()))
                    .isEqualTo(withoutTimes(PriceFixtures.read("binance-premiumIndex.json")));
        } finally {
            fake.stop();
        }
    }

    @Test
    void attachTo_sharesAServerWithoutTouchingItsOtherStubs() throws Exception {
        WireMockServer shared = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        shared.start();
        try {
            shared.stubFor(post(urlPathMatching("/bot.*/sendMessage")).willReturn(aResponse().withBody("{\"ok\":true}")));
            PriceApiFake fake = PriceApiFake.attachTo(shared);

            fake.reset();
            fake.stop();

            assertThat(shared.isRunning()).as("stop() leaves a shared server running").isTrue();
            HttpResponse<String> telegram = http.send(HttpRequest.newBuilder(
                            URI.create(fake.baseUrl() + "/bot123:abc/sendMessage"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(telegram.body()).isEqualTo("{\"ok\":true}");
            assertThat(get(fake.baseUrl() + PriceApiFake.BINANCE_PATH).statusCode()).isEqualTo(200);
        } finally {
            shared.stop();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
