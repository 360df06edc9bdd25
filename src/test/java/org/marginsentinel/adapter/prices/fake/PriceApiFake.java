package org.marginsentinel.adapter.prices.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.marginsentinel.testsupport.TestClock;

/**
 * Fake Binance and Bybit price APIs on an in-process WireMock server (127.0.0.1, random port).
 * By default both serve the fixture answers ({@code binance-premiumIndex.json},
 * {@code bybit-tickers-linear.json}); the methods below change one venue's answer until the next
 * {@link #reset()}.
 *
 * <p>In a {@code @QuarkusTest}, use {@link PriceApiResource} and {@link InjectPriceApi}. From your
 * own test resource (for example one that also fakes Telegram), call {@link #start()} (own server)
 * or {@link #attachTo(WireMockServer)} (share your server), return {@link #configProperties()} from
 * {@code start()}, and {@link #stop()} it in {@code stop()}.
 *
 * <p>Two defaults keep tests about something else simple:
 * <ul>
 *   <li>Exchange time follows the application's clock: wherever an answer carries the fixture snapshot time
 *       ({@link #FIXTURE_TIME_MILLIS}) as its {@code time}, the fake sends the application's "now" (the
 *       {@link TestClock}, frozen or not), so marks are as fresh as a live exchange's. An explicit other time
 *       ({@link #servesBinanceMarksAt}) is sent as it is. (Not on a server joined by {@link #attachTo}.)</li>
 *   <li>Bybit shows the same marks as the last {@link #servesBinanceMarks} (the exchanges agree, as they do
 *       within basis points), until a test sets Bybit's answer itself; {@link #reset()} starts over from the
 *       fixture.</li>
 * </ul>
 */
public final class PriceApiFake {

    public static final String BINANCE_PATH = "/fapi/v1/premiumIndex";
    public static final String BYBIT_PATH = "/v5/market/tickers";
    public static final String BINANCE_KLINES_PATH = "/fapi/v1/markPriceKlines";
    public static final String BYBIT_KLINES_PATH = "/v5/market/mark-price-kline";
    private static final long HOUR_MILLIS = 3_600_000L;

    /** Fixture snapshot time, 2026-09-19T13:20:00Z, used as {@code time} in generated answers. */
    public static final long FIXTURE_TIME_MILLIS = 1789824000000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String EXCHANGE_CLOCK = "exchange-clock";
    private static final Pattern FIXTURE_TIME = Pattern.compile("(\"time\"\\s*:\\s*)1789824000\\d{3}\\b");

    private final WireMockServer server;
    private final boolean ownsServer;
    private boolean bybitFollowsBinance;
    private StubMapping binanceStub;
    private StubMapping bybitStub;
    private final java.util.List<StubMapping> klineStubs = new java.util.ArrayList<>();

    private PriceApiFake(WireMockServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
        reset();
    }

    /** Starts a WireMock server of its own on 127.0.0.1 and a free port, serving the fixtures. */
    public static PriceApiFake start() {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyAcceptors(1)
                .containerThreads(8)
                .extensions(new ExchangeClock()));
        server.start();
        return new PriceApiFake(server, true);
    }

    /**
     * Adds the price endpoints to a WireMock server you already run (its other stubs are left
     * alone; {@link #stop()} will not stop it).
     */
    public static PriceApiFake attachTo(WireMockServer server) {
        return new PriceApiFake(server, false);
    }

    /** Config that points the application's price clients here. */
    public Map<String, String> configProperties() {
        return Map.of(
                "sentinel.prices.binance-url", baseUrl(),
                "sentinel.prices.bybit-url", baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The underlying server, for custom stubs or {@code verify}. */
    public WireMockServer server() {
        return server;
    }

    /** Stops the server if this fake started it. */
    public void stop() {
        if (ownsServer && server.isRunning()) {
            server.stop();
        }
    }

    /** Back to the fixture answers on both venues, and forgets the requests made so far. */
    public void reset() {
        binanceResponds(json(200, PriceFixtures.read("binance-premiumIndex.json")));
        bybitResponds(json(200, PriceFixtures.read("bybit-tickers-linear.json")));
        bybitFollowsBinance = true;
        server.removeServeEventsMatching(binanceRequests());
        server.removeServeEventsMatching(bybitRequests());
        klineStubs.forEach(server::removeStub);
        klineStubs.clear();
        server.removeServeEventsMatching(getRequestedFor(urlPathEqualTo(BINANCE_KLINES_PATH)).build());
        server.removeServeEventsMatching(getRequestedFor(urlPathEqualTo(BYBIT_KLINES_PATH)).build());
    }

    // --- Candles (volatility) ------------------------------------------------------------------

    /**
     * Binance answers {@code markPriceKlines} for {@code symbol} with hourly candles closing at {@code closes}
     * (oldest first) followed by one still-forming candle, as the real endpoint does. Other symbols stay 404.
     */
    public PriceApiFake servesBinanceKlines(String symbol, java.util.List<String> closes) {
        ArrayNode rows = JSON.createArrayNode();
        long open = FIXTURE_TIME_MILLIS - (long) closes.size() * HOUR_MILLIS;
        java.util.List<String> withForming = new java.util.ArrayList<>(closes);
        withForming.add(closes.get(closes.size() - 1));
        String previous = closes.get(0);
        for (String close : withForming) {
            ArrayNode row = rows.addArray();
            row.add(open).add(previous).add(close).add(close).add(close).add("0").add(open + HOUR_MILLIS - 1)
                    .add("0").add(0).add("0").add("0").add("0");
            previous = close;
            open += HOUR_MILLIS;
        }
        klineStubs.add(server.stubFor(get(urlPathEqualTo(BINANCE_KLINES_PATH)).withQueryParam("symbol", equalTo(symbol))
                .willReturn(json(200, write(rows)))));
        return this;
    }

    /**
     * Binance answers {@code markPriceKlines} for {@code symbol} at the one-minute interval (the charts' backfill)
     * with candles closing at {@code closes} (oldest first), the last closed one ending at {@code lastClose}, then
     * one still forming.
     */
    public PriceApiFake servesBinanceMinuteKlines(String symbol, Instant lastClose, java.util.List<String> closes) {
        ArrayNode rows = JSON.createArrayNode();
        long minute = 60_000L;
        long open = lastClose.toEpochMilli() - (long) closes.size() * minute;
        java.util.List<String> withForming = new java.util.ArrayList<>(closes);
        withForming.add(closes.get(closes.size() - 1));
        for (String close : withForming) {
            rows.addArray().add(open).add(close).add(close).add(close).add(close).add("0").add(open + minute - 1)
                    .add("0").add(0).add("0").add("0").add("0");
            open += minute;
        }
        klineStubs.add(server.stubFor(get(urlPathEqualTo(BINANCE_KLINES_PATH)).atPriority(2)
                .withQueryParam("symbol", equalTo(symbol)).withQueryParam("interval", equalTo("1m"))
                .willReturn(json(200, write(rows)))));
        return this;
    }

    /** One-minute candle requests Binance received for {@code symbol} since the last {@link #reset()}. */
    public int binanceMinuteKlineRequestCount(String symbol) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(BINANCE_KLINES_PATH))
                .withQueryParam("symbol", equalTo(symbol)).withQueryParam("interval", equalTo("1m")).build())
                .getCount();
    }

    /** Bybit answers {@code mark-price-kline} for {@code symbol}: the same candles, newest first, in its envelope. */
    public PriceApiFake servesBybitKlines(String symbol, java.util.List<String> closes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("retCode", 0);
        root.put("retMsg", "OK");
        ObjectNode result = root.putObject("result");
        result.put("symbol", symbol);
        result.put("category", "linear");
        ArrayNode list = result.putArray("list");
        java.util.List<String> withForming = new java.util.ArrayList<>(closes);
        withForming.add(closes.get(closes.size() - 1));
        long open = FIXTURE_TIME_MILLIS;
        for (int i = withForming.size() - 1; i >= 0; i--) {
            String close = withForming.get(i);
            list.addArray().add(String.valueOf(open)).add(close).add(close).add(close).add(close);
            open -= HOUR_MILLIS;
        }
        root.putObject("retExtInfo");
        root.put("time", FIXTURE_TIME_MILLIS);
        klineStubs.add(server.stubFor(get(urlPathEqualTo(BYBIT_KLINES_PATH)).withQueryParam("symbol", equalTo(symbol))
                .withQueryParam("category", equalTo("linear")).willReturn(json(200, write(root)))));
        return this;
    }

    /** Binance answers {@code markPriceKlines} for every symbol with {@code status} and a fixture body. */
    public PriceApiFake binanceKlinesFailWith(int status, String bodyFile) {
        klineStubs.add(server.stubFor(get(urlPathEqualTo(BINANCE_KLINES_PATH)).atPriority(1)
                .willReturn(fixture(status, bodyFile))));
        return this;
    }

    /** Candle requests Binance received for {@code symbol} since the last {@link #reset()}. */
    public int binanceKlineRequestCount(String symbol) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(BINANCE_KLINES_PATH))
                .withQueryParam("symbol", equalTo(symbol)).build()).getCount();
    }

    /**
     * Hourly closes that zigzag around {@code start} with every log return ±{@code dailyVolatility}/√24: the
     * realised daily volatility of the series is exactly {@code dailyVolatility}.
     */
    public static java.util.List<String> closesWithDailyVolatility(double start, double dailyVolatility, int hours) {
        double step = dailyVolatility / Math.sqrt(24);
        java.util.List<String> closes = new java.util.ArrayList<>();
        double logPrice = Math.log(start);
        for (int i = 0; i <= hours; i++) {
            closes.add(java.math.BigDecimal.valueOf(Math.exp(logPrice)).toPlainString());
            logPrice += i % 2 == 0 ? step : -step;
        }
        return closes;
    }

    // --- Binance ---------------------------------------------------------------------------

    /**
     * Binance answers 200 with a premiumIndex array of exactly these symbols and mark texts, stamped "now";
     * Bybit shows the same unless a test set its answer.
     */
    public PriceApiFake servesBinanceMarks(Map<String, String> symbolToMark) {
        binanceMarks(symbolToMark, FIXTURE_TIME_MILLIS);
        if (bybitFollowsBinance) {
            bybitStub(json(200, bybitTickers(symbolToMark)));
        }
        return this;
    }

    /** Binance answers these marks with {@code time} = {@code exchangeTime} in every row (an old answer). */
    public PriceApiFake servesBinanceMarksAt(Map<String, String> symbolToMark, Instant exchangeTime) {
        return binanceMarks(symbolToMark, exchangeTime.toEpochMilli());
    }

    private PriceApiFake binanceMarks(Map<String, String> symbolToMark, long timeMillis) {
        ArrayNode rows = JSON.createArrayNode();
        symbolToMark.forEach((symbol, mark) -> {
            ObjectNode row = rows.addObject();
            row.put("symbol", symbol);
            row.put("markPrice", mark);
            row.put("indexPrice", mark);
            row.put("lastFundingRate", "0.00010000");
            row.put("time", timeMillis);
        });
        return binanceResponds(json(200, write(rows)));
    }

    /** Binance answers 200 with the fixture premiumIndex array again. */
    public PriceApiFake servesBinanceFixture() {
        return binanceResponds(json(200, PriceFixtures.read("binance-premiumIndex.json")));
    }

    /** Binance answers {@code status} with a fixture body, e.g. {@code (451, "binance-451.json")}. */
    public PriceApiFake binanceFailsWith(int status, String bodyFile) {
        return binanceResponds(fixture(status, bodyFile));
    }

    /** Binance answers 429 or 418 with a fixture body and, if not null, a {@code Retry-After} header. */
    public PriceApiFake binanceRateLimits(int status, String bodyFile, String retryAfter) {
        ResponseDefinitionBuilder response = fixture(status, bodyFile);
        if (retryAfter != null) {
            response.withHeader("Retry-After", retryAfter);
        }
        return binanceResponds(response);
    }

    /** Binance answers 200 with this exact body (HTML, truncated JSON, ...). */
    public PriceApiFake binanceServesBody(String body) {
        return binanceResponds(json(200, body));
    }

    /** Binance answers with the fixture only after {@code delay}. */
    public PriceApiFake binanceDelays(Duration delay) {
        return binanceResponds(json(200, PriceFixtures.read("binance-premiumIndex.json"))
                .withFixedDelay((int) delay.toMillis()));
    }

    /** Binance answers whatever you build. */
    public PriceApiFake binanceResponds(ResponseDefinitionBuilder response) {
        if (ownsServer) {
            response.withTransformers(EXCHANGE_CLOCK);
        }
        if (binanceStub != null) {
            server.removeStub(binanceStub);
        }
        binanceStub = server.stubFor(get(urlPathEqualTo(BINANCE_PATH)).willReturn(response));
        return this;
    }

    /** Requests Binance received since the last {@link #reset()}. */
    public int binanceRequestCount() {
        return server.countRequestsMatching(binanceRequests()).getCount();
    }

    // --- Bybit -----------------------------------------------------------------------------

    /** Bybit answers 200, retCode 0, with linear tickers of exactly these symbols and mark texts. */
    public PriceApiFake servesBybitMarks(Map<String, String> symbolToMark) {
        return bybitResponds(json(200, bybitTickers(symbolToMark)));
    }

    private static String bybitTickers(Map<String, String> symbolToMark) {
        ObjectNode root = JSON.createObjectNode();
        root.put("retCode", 0);
        root.put("retMsg", "OK");
        ObjectNode result = root.putObject("result");
        result.put("category", "linear");
        ArrayNode list = result.putArray("list");
        symbolToMark.forEach((symbol, mark) -> {
            ObjectNode row = list.addObject();
            row.put("symbol", symbol);
            row.put("markPrice", mark);
            row.put("indexPrice", mark);
            row.put("lastPrice", mark);
            row.put("deliveryTime", "0");
        });
        root.putObject("retExtInfo");
        root.put("time", FIXTURE_TIME_MILLIS);
        return write(root);
    }

    /** Bybit answers 200 with the fixture tickers again. */
    public PriceApiFake servesBybitFixture() {
        return bybitResponds(json(200, PriceFixtures.read("bybit-tickers-linear.json")));
    }

    /** Bybit answers {@code status} with a fixture body, e.g. {@code (403, "bybit-403-cloudfront.html")}. */
    public PriceApiFake bybitFailsWith(int status, String bodyFile) {
        return bybitResponds(fixture(status, bodyFile));
    }

    /** Bybit answers 200 with this exact body. */
    public PriceApiFake bybitServesBody(String body) {
        return bybitResponds(json(200, body));
    }

    /** Bybit answers whatever you build (and stops following Binance's marks until {@link #reset()}). */
    public PriceApiFake bybitResponds(ResponseDefinitionBuilder response) {
        bybitFollowsBinance = false;
        return bybitStub(response);
    }

    private PriceApiFake bybitStub(ResponseDefinitionBuilder response) {
        if (ownsServer) {
            response.withTransformers(EXCHANGE_CLOCK);
        }
        if (bybitStub != null) {
            server.removeStub(bybitStub);
        }
        bybitStub = server.stubFor(get(urlPathEqualTo(BYBIT_PATH))
                .withQueryParam("category", equalTo("linear"))
                .willReturn(response));
        return this;
    }

    /** Requests Bybit received since the last {@link #reset()}. */
    public int bybitRequestCount() {
        return server.countRequestsMatching(bybitRequests()).getCount();
    }

    // ---------------------------------------------------------------------------------------

    private static RequestPattern binanceRequests() {
        return getRequestedFor(urlPathEqualTo(BINANCE_PATH)).build();
    }

    private static RequestPattern bybitRequests() {
        return getRequestedFor(urlPathEqualTo(BYBIT_PATH)).build();
    }

    private static ResponseDefinitionBuilder fixture(int status, String bodyFile) {
        String contentType = bodyFile.endsWith(".html") ? "text/html" : bodyFile.endsWith(".txt") ? "text/plain"
                : "application/json";
        return aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(PriceFixtures.read(bodyFile));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the application's "now" wherever an answer carries the fixture snapshot time. */
    private static final class ExchangeClock implements ResponseTransformerV2 {

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            String body = response.getBodyAsString();
            if (body == null || !FIXTURE_TIME.matcher(body).find()) {
                return response;
            }
            String now = FIXTURE_TIME.matcher(body).replaceAll("$1" + applicationNow().toEpochMilli());
            return Response.Builder.like(response).but().body(now).build();
        }

        /** The running application's clock, or the system clock when it runs elsewhere (an IT's own process). */
        private static Instant applicationNow() {
            ArcContainer container = Arc.container();
            if (container != null && container.isRunning()) {
                var clock = container.instance(TestClock.class);
                if (clock.isAvailable()) {
                    return clock.get().instant();
                }
            }
            return Instant.now();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return EXCHANGE_CLOCK;
        }
    }
}
