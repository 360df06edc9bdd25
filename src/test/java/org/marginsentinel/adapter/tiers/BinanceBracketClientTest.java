package org.marginsentinel.adapter.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;

/** The signed leverageBracket call against a fake Binance on 127.0.0.1 that checks the signature as Binance does. */
class BinanceBracketClientTest {

    private static final String KEY = "read-only-key";
    private static final String SECRET = "s3cr3t-for-tests";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String body;

    @BeforeEach
    void startFakeBinance() throws IOException {
        body = fixture();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BinanceBracketClient.PATH, exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(query);
            int cut = query.lastIndexOf("&signature=");
            boolean signed = cut > 0 && query.substring(cut + "&signature=".length()).equals(hmac(SECRET, query.substring(0, cut)));
            boolean keyed = KEY.equals(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"));
            boolean timed = query.contains("timestamp=" + CLOCK.millis());
            byte[] answer = (signed && keyed && timed ? body
                    : "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(signed && keyed && timed ? 200 : 400, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private BinanceBracketClient client(String secret) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new BinanceBracketClient(url, KEY, secret, CLOCK, Duration.ofSeconds(5));
    }

    @Test
    void sign_reproducesBinancesPublishedExample() {
        // Binance API docs, "SIGNED endpoint examples for POST /api/v3/order"
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";

        assertThat(BinanceBracketClient.sign("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", query))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void fetch_signedWithTheSecret_returnsEverySymbolsBracketsDatedToday() {
        Map<String, ListedTiers> tiers = client(SECRET).fetch();

        assertThat(requests).hasSize(1);
        assertThat(tiers).containsOnlyKeys("ETHUSDT");
        ListedTiers eth = tiers.get("ETHUSDT");
        assertThat(eth.source()).isEqualTo(new TierSource("Binance brackets", LocalDate.parse("2026-12-04")));
        TierSchedule schedule = eth.schedule();
        assertThat(schedule.maxLeverage(new BigDecimal("10000"))).isEqualTo(75); // at the cap: still bracket 1
        assertThat(schedule.maxLeverage(new BigDecimal("10000.01"))).isEqualTo(50);
        assertThat(schedule.maintenanceMargin(new BigDecimal("20000"))).isEqualByComparingTo("165"); // 200 − 35
    }

    @Test
    void fetch_withAWrongSecret_failsSayingWhatBinanceAnswered_withoutTheSecret() {
        assertThatThrownBy(() -> client("not-the-secret").fetch())
                .isInstanceOf(BinanceBracketClient.BracketFetchFailed.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Signature for this request is not valid")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-secret"));
    }

    @Test
    void parse_skipsDatedContractsAndBrokenSchedules_keepsTheRest() {
        body = """
                [{"symbol":"BTCUSDT_250328","brackets":[{"bracket":1,"initialLeverage":20,"notionalCap":5000,
                   "notionalFloor":0,"maintMarginRatio":0.025,"cum":0.0}]},
                 {"symbol":"GAPUSDT","brackets":[{"bracket":1,"initialLeverage":20,"notionalCap":5000,
                   "notionalFloor":0,"maintMarginRatio":0.025,"cum":0.0},{"bracket":2,"initialLeverage":10,
                   "notionalCap":9000,"notionalFloor":6000,"maintMarginRatio":0.05,"cum":125.0}]},
                 {"symbol":"SOLUSDT","brackets":[{"bracket":1,"initialLeverage":75,"notionalCap":5000,
                   "notionalFloor":0,"maintMarginRatio":0.0065,"cum":0.0}]}]
                """;

        assertThat(client(SECRET).fetch()).containsOnlyKeys("SOLUSDT");
    }

    private static String fixture() throws IOException {
        try (InputStream in = BinanceBracketClientTest.class.getResourceAsStream("/fixtures/prices/binance-leverageBracket.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
