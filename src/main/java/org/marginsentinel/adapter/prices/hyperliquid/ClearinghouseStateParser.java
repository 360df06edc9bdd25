package org.marginsentinel.adapter.prices.hyperliquid;

import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.SOURCE;
import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.decimal;
import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.integer;
import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.optionalDecimal;
import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;

/**
 * Reads {@code POST /info {"type":"clearinghouseState"}}. Leniently: numbers as strings or numbers, a null or
 * absent {@code liquidationPx}, absent {@code rawUsd}/{@code cumFunding}; a zero-size row is skipped.
 */
public final class ClearinghouseStateParser {

    private final ObjectMapper mapper;

    public ClearinghouseStateParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public WatchedAccountState parse(String body) {
        JsonNode root = JsonBodies.read(mapper, SOURCE, body);
        if (!root.isObject()) {
            throw new BadPayloadException(SOURCE, "clearinghouseState is not an object");
        }
        JsonNode summary = required(root, "marginSummary");
        JsonNode cross = required(root, "crossMarginSummary");
        List<WatchedPosition> positions = new ArrayList<>();
        JsonNode rows = root.path("assetPositions");
        if (!rows.isMissingNode() && !rows.isArray()) {
            throw new BadPayloadException(SOURCE, "assetPositions is not an array");
        }
        for (JsonNode row : rows) {
            WatchedPosition position = position(row.path("position"));
            if (position != null) {
                positions.add(position);
            }
        }
        BigDecimal time = optionalDecimal(root, "time");
        return new WatchedAccountState(time == null ? null : Instant.ofEpochMilli(time.longValue()),
                decimal(summary, "accountValue"), decimal(cross, "accountValue"),
                orZero(optionalDecimal(root, "crossMaintenanceMarginUsed")),
                orZero(optionalDecimal(root, "withdrawable")), positions);
    }

    private static WatchedPosition position(JsonNode node) {
        if (!node.isObject()) {
            throw new BadPayloadException(SOURCE, "assetPositions[].position is not an object");
        }
        BigDecimal signedSize = decimal(node, "szi");
        if (signedSize.signum() == 0) {
            return null;
        }
        JsonNode leverage = node.path("leverage");
        MarginMode mode = MarginMode.parse(leverage.path("type").asText(null))
                .orElseThrow(() -> new BadPayloadException(SOURCE, "unknown leverage type " + leverage.path("type")));
        BigDecimal entry = optionalDecimal(node, "entryPx");
        if (entry == null || entry.signum() <= 0) {
            throw new BadPayloadException(SOURCE, "position without a positive entryPx");
        }
        BigDecimal liquidation = optionalDecimal(node, "liquidationPx");
        if (liquidation != null && liquidation.signum() <= 0) {
            liquidation = null;
        }
        return new WatchedPosition(text(node, "coin"), signedSize.signum() > 0 ? Side.LONG : Side.SHORT,
                signedSize.abs(), entry, mode, integer(leverage, "value", 1), liquidation, decimal(node, "marginUsed"),
                decimal(node, "positionValue").abs(), decimal(node, "unrealizedPnl"), integer(node, "maxLeverage", 1));
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new BadPayloadException(SOURCE, "missing '" + field + "'");
        }
        return node;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
