package org.marginsentinel.adapter.prices.instruments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.application.port.InstrumentSteps.Steps;

/**
 * Reads the exchanges' public instrument lists into each symbol's tick and step size. Leniently per row (a row
 * without a usable tick or step is left out, so one odd instrument never costs the others), strictly for the
 * envelope (HTML, cut-off JSON or an error code is a {@link BadPayloadException}).
 */
final class InstrumentLists {

    /** Hyperliquid: a perpetual's price has at most 5 significant figures and 6 − szDecimals decimals. */
    static final int HYPERLIQUID_SIGNIFICANT_FIGURES = 5;
    private static final int HYPERLIQUID_MAX_DECIMALS = 6;

    private final ObjectMapper mapper;

    InstrumentLists(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Binance {@code GET /fapi/v1/exchangeInfo}: {@code symbols[].filters[]} PRICE_FILTER, LOT_SIZE (step, minQty)
     * and MIN_NOTIONAL (notional).
     */
    Map<String, Steps> binance(String body) {
        JsonNode symbols = JsonBodies.read(mapper, "binance", body).path("symbols");
        if (!symbols.isArray()) {
            throw new BadPayloadException("binance", "exchangeInfo without a symbols array");
        }
        Map<String, Steps> steps = new LinkedHashMap<>();
        for (JsonNode row : symbols) {
            BigDecimal tick = null;
            BigDecimal step = null;
            BigDecimal minQuantity = null;
            BigDecimal minNotional = null;
            for (JsonNode filter : row.path("filters")) {
                switch (filter.path("filterType").asText("")) {
                    case "PRICE_FILTER" -> tick = positive(filter.path("tickSize"));
                    case "LOT_SIZE" -> {
                        step = positive(filter.path("stepSize"));
                        minQuantity = positive(filter.path("minQty"));
                    }
                    case "MIN_NOTIONAL" -> minNotional = positive(filter.path("notional"));
                    default -> { }
                }
            }
            put(steps, row.path("symbol").asText(""), Steps.withMinimum(tick, step, minQuantity, minNotional));
        }
        return steps;
    }

    /** One page of Bybit's instruments and the cursor of the next one (empty on the last page). */
    record BybitPage(Map<String, Steps> steps, String nextCursor) {
    }

    /**
     * Bybit {@code GET /v5/market/instruments-info}: {@code result.list[]} priceFilter and lotSizeFilter (qtyStep,
     * minOrderQty, minNotionalValue).
     */
    BybitPage bybit(String body) {
        JsonNode root = JsonBodies.read(mapper, "bybit", body);
        if (root.path("retCode").asInt(-1) != 0) {
            throw new BadPayloadException("bybit", "instruments-info retCode " + root.path("retCode").asText("?")
                    + ": " + root.path("retMsg").asText(""));
        }
        JsonNode list = root.path("result").path("list");
        if (!list.isArray()) {
            throw new BadPayloadException("bybit", "instruments-info without result.list");
        }
        Map<String, Steps> steps = new LinkedHashMap<>();
        for (JsonNode row : list) {
            JsonNode lot = row.path("lotSizeFilter");
            put(steps, row.path("symbol").asText(""), Steps.withMinimum(positive(row.path("priceFilter").path("tickSize")),
                    positive(lot.path("qtyStep")), positive(lot.path("minOrderQty")),
                    positive(lot.path("minNotionalValue"))));
        }
        return new BybitPage(steps, root.path("result").path("nextPageCursor").asText(""));
    }

    /**
     * Hyperliquid {@code POST /info {"type":"meta"}} (or the {@code [meta, ctxs]} of {@code metaAndAssetCtxs}):
     * {@code universe[]} szDecimals, keyed by the coin's name as Hyperliquid writes it ("BTC", "kPEPE"); delisted
     * coins are left out.
     */
    Map<String, Steps> hyperliquid(String body) {
        JsonNode root = JsonBodies.read(mapper, "hyperliquid", body);
        JsonNode universe = (root.isArray() ? root.path(0) : root).path("universe");
        if (!universe.isArray()) {
            throw new BadPayloadException("hyperliquid", "meta without a universe array");
        }
        Map<String, Steps> steps = new LinkedHashMap<>();
        for (JsonNode row : universe) {
            JsonNode sizeDecimals = row.path("szDecimals");
            boolean listed = !row.path("isDelisted").asBoolean(false);
            if (!listed || !sizeDecimals.canConvertToInt() || sizeDecimals.asInt() < 0) {
                continue;
            }
            int decimals = sizeDecimals.asInt();
            put(steps, row.path("name").asText(""), new Steps(
                    BigDecimal.ONE.movePointLeft(Math.max(0, HYPERLIQUID_MAX_DECIMALS - decimals)),
                    BigDecimal.ONE.movePointLeft(decimals), HYPERLIQUID_SIGNIFICANT_FIGURES));
        }
        return steps;
    }

    private static void put(Map<String, Steps> steps, String symbol, Steps symbolSteps) {
        if (!symbol.isBlank() && (symbolSteps.tickSize() != null || symbolSteps.stepSize() != null)) {
            steps.put(symbol, symbolSteps);
        }
    }

    /** A positive decimal from a string or number field, or null. */
    private static BigDecimal positive(JsonNode field) {
        if (!field.isTextual() && !field.isNumber()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(field.asText().trim());
            return value.signum() > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
