package org.marginsentinel.adapter.tiers;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Binance on 127.0.0.1 serving the leverageBracket fixture only to requests signed with {@link #SECRET}
 * and carrying {@link #KEY}; everything else gets Binance's -1022 answer. Also Bybit's public risk limits. Sets the
 * bot's key and URLs.
 */
public class FakeBinanceBrackets implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "deployer-read-only-key";
    static final String SECRET = "deployer-secret";
    static final String BYBIT_ONLY = "BYBITONLYUSDT";
    static final AtomicInteger SIGNED_CALLS = new AtomicInteger();
    static final AtomicInteger REFUSED_CALLS = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            byte[] fixture;
            try (InputStream in = FakeBinanceBrackets.class.getResourceAsStream("/fixtures/prices/binance-leverageBracket.json")) {
                fixture = in.readAllBytes();
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(BinanceBracketClient.PATH, exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                int cut = query == null ? -1 : query.lastIndexOf("&signature=");
                boolean ok = cut > 0 && KEY.equals(exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"))
                        && query.substring(cut + "&signature=".length())
                        .equals(BinanceBracketClient.sign(SECRET, query.substring(0, cut)));
                byte[] answer = ok ? fixture
                        : "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}".getBytes(StandardCharsets.UTF_8);
                (ok ? SIGNED_CALLS : REFUSED_CALLS).incrementAndGet();
                exchange.sendResponseHeaders(ok ? 200 : 400, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            // Bybit: the fixture's BTCUSDT rows (Binance lists BTCUSDT) and its 1000PEPEUSDT rows as a symbol only Bybit lists
            String bybit;
            try (InputStream in = FakeBinanceBrackets.class.getResourceAsStream("/fixtures/prices/bybit-risk-limit.json")) {
                bybit = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("1000PEPEUSDT", BYBIT_ONLY);
            }
            byte[] bybitAnswer = bybit.getBytes(StandardCharsets.UTF_8);
            server.createContext(BybitRiskLimitClient.PATH, exchange -> {
                exchange.sendResponseHeaders(200, bybitAnswer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bybitAnswer);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("sentinel.tiers.binance-url", url, "sentinel.tiers.bybit-url", url,
                "sentinel.binance.api-key", KEY, "sentinel.binance.api-secret", SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
