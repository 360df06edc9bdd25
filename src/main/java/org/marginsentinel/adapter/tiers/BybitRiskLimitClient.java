package org.marginsentinel.adapter.tiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;

/**
 * Bybit's public maintenance-margin tiers of linear contracts: {@code GET /v5/market/risk-limit?category=linear},
 * no key, paged by {@code nextPageCursor}. Each row caps a tier at {@code riskLimitValue}; the floor is the previous
 * row's cap, and {@code mmDeduction} is the same "cum" as Binance's. Fractional maximum leverage (33.33) is rounded
 * down, the conservative side.
 */
public final class BybitRiskLimitClient {

    static final String PATH = "/v5/market/risk-limit";
    public static final String SOURCE = TierSource.BYBIT;
    private static final int MAX_PAGES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(BybitRiskLimitClient.class);

    private final HttpClient http;
    private final URI baseUrl;
    private final Clock clock;
    private final Duration timeout;

    public BybitRiskLimitClient(URI baseUrl, Clock clock, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Every linear symbol's tiers, dated today (UTC). Throws {@link TierFetchFailed} saying what went wrong. */
    public Map<String, ListedTiers> fetch() {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode result = page(cursor);
            result.path("list").forEach(rows::add);
            cursor = result.path("nextPageCursor").asText("");
            if (cursor.isEmpty()) {
                return parse(rows, new TierSource(SOURCE, LocalDate.now(clock.withZone(ZoneOffset.UTC))));
            }
        }
        throw new TierFetchFailed("Bybit risk-limit still paging after " + MAX_PAGES + " pages", null);
    }

    private JsonNode page(String cursor) {
        String query = "category=linear" + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8).replace("+", "%20"));
        URI uri = URI.create(baseUrl.toString().replaceAll("/+$", "") + PATH + "?" + query);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TierFetchFailed("Bybit risk-limit unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierFetchFailed("Bybit risk-limit call interrupted", e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new TierFetchFailed("Bybit risk-limit answered HTTP " + response.statusCode() + " without JSON", e);
        }
        if (response.statusCode() != 200 || root == null || root.path("retCode").asInt(-1) != 0) {
            throw new TierFetchFailed("Bybit risk-limit answered HTTP " + response.statusCode() + ", retCode "
                    + (root == null ? "?" : root.path("retCode").asText("?") + " " + root.path("retMsg").asText("")), null);
        }
        return root.path("result");
    }

    /** Groups the rows by symbol; a symbol whose rows do not form a valid schedule is skipped. */
    static Map<String, ListedTiers> parse(List<JsonNode> rows, TierSource source) {
        Map<String, List<JsonNode>> bySymbol = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            String symbol = row.path("symbol").asText("");
            if (!symbol.isEmpty() && !symbol.contains("-")) {
                bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>()).add(row);
            }
        }
        Map<String, ListedTiers> listed = new LinkedHashMap<>();
        bySymbol.forEach((symbol, symbolRows) -> {
            try {
                symbolRows.sort((a, b) -> decimal(a, "riskLimitValue").compareTo(decimal(b, "riskLimitValue")));
                List<MaintenanceTier> tiers = new ArrayList<>();
                BigDecimal floor = BigDecimal.ZERO;
                for (JsonNode row : symbolRows) {
                    BigDecimal cap = decimal(row, "riskLimitValue");
                    String deduction = row.path("mmDeduction").asText("");
                    int maxLeverage = Math.max(1, decimal(row, "maxLeverage").setScale(0, RoundingMode.DOWN).intValueExact());
                    tiers.add(new MaintenanceTier(floor, cap, decimal(row, "maintenanceMargin"),
                            deduction.isBlank() ? BigDecimal.ZERO : new BigDecimal(deduction), maxLeverage));
                    floor = cap;
                }
                listed.put(symbol, new ListedTiers(TierSchedule.of(tiers), source));
            } catch (IllegalArgumentException | ArithmeticException e) {
                LOG.warnf("Bybit risk limits of %s skipped: %s", symbol, e.getMessage());
            }
        });
        return listed;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String text = node.path(field).asText("");
        if (text.isBlank()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return new BigDecimal(text);
    }

    /** The refresh did not happen; the message says why. */
    public static final class TierFetchFailed extends RuntimeException {

        TierFetchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
