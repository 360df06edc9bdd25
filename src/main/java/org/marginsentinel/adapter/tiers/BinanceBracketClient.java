package org.marginsentinel.adapter.tiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.marginsentinel.domain.margin.BinanceMarginRules;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.margin.TierSource;

/**
 * Binance USDⓈ-M notional and leverage brackets of every symbol: {@code GET /fapi/v1/leverageBracket}, a USER_DATA
 * endpoint, so it is signed (HMAC-SHA256 of the query string with the secret, key in {@code X-MBX-APIKEY}). A
 * read-only key is enough. Perpetuals only: dated contracts ({@code BTCUSDT_250328}) are left out.
 */
public final class BinanceBracketClient {

    static final String PATH = "/fapi/v1/leverageBracket";
    private static final long RECV_WINDOW_MILLIS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUrl;
    private final String apiKey;
    private final String apiSecret;
    private final Clock clock;
    private final Duration timeout;

    public BinanceBracketClient(URI baseUrl, String apiKey, String apiSecret, Clock clock, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Every perpetual's brackets, dated today (UTC). Throws {@link BracketFetchFailed} saying what went wrong. */
    public Map<String, ListedTiers> fetch() {
        String query = "recvWindow=" + RECV_WINDOW_MILLIS + "&timestamp=" + clock.millis();
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + PATH + "?" + query + "&signature="
                + sign(apiSecret, query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("X-MBX-APIKEY", apiKey).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BracketFetchFailed("Binance leverageBracket unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BracketFetchFailed("Binance leverageBracket call interrupted", e);
        }
        if (response.statusCode() != 200) {
            String body = response.body() == null ? "" : response.body();
            throw new BracketFetchFailed("Binance leverageBracket answered HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(200, body.length())), null);
        }
        return parse(response.body(), new TierSource(TierSource.BINANCE, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    /** Parses the endpoint's array; a symbol whose brackets do not form a valid schedule is skipped. */
    static Map<String, ListedTiers> parse(String body, TierSource source) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new BracketFetchFailed("Binance leverageBracket sent malformed JSON", e);
        }
        if (root == null || !root.isArray()) {
            throw new BracketFetchFailed("Binance leverageBracket did not send an array", null);
        }
        Map<String, ListedTiers> listed = new LinkedHashMap<>();
        for (JsonNode symbolNode : root) {
            String symbol = symbolNode.path("symbol").asText("");
            JsonNode brackets = symbolNode.path("brackets");
            if (symbol.isEmpty() || symbol.contains("_") || !brackets.isArray() || brackets.isEmpty()) {
                continue;
            }
            try {
                List<PublishedTier> tiers = new ArrayList<>();
                for (JsonNode bracket : brackets) {
                    tiers.add(new PublishedTier(decimal(bracket, "notionalFloor"), decimal(bracket, "notionalCap"),
                            bracket.path("initialLeverage").asInt(), decimal(bracket, "maintMarginRatio"),
                            decimal(bracket, "cum")));
                }
                listed.put(symbol, new ListedTiers(BinanceMarginRules.INSTANCE.schedule(tiers), source));
            } catch (IllegalArgumentException e) {
                org.jboss.logging.Logger.getLogger(BinanceBracketClient.class)
                        .warnf("Binance brackets of %s skipped: %s", symbol, e.getMessage());
            }
        }
        return listed;
    }

    /** Binance's request signature: lower-case hex HMAC-SHA256 of the query string, keyed by the secret. */
    static String sign(String secret, String query) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The number as sent (Binance sends JSON numbers; their text keeps every digit). */
    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return new BigDecimal(value.asText());
    }

    /** The refresh did not happen; the message says why, without the key or the signature. */
    public static final class BracketFetchFailed extends RuntimeException {

        BracketFetchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
