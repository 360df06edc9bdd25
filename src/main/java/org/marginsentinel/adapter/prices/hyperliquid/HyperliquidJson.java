package org.marginsentinel.adapter.prices.hyperliquid;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.marginsentinel.adapter.prices.BadPayloadException;

/** Lenient field reading: Hyperliquid sends decimals as strings ("81327.7") and small integers as numbers. */
final class HyperliquidJson {

    static final String SOURCE = "hyperliquid";

    private HyperliquidJson() {
    }

    /** A required decimal, string or number. */
    static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal value = optionalDecimal(node, field);
        if (value == null) {
            throw new BadPayloadException(SOURCE, "missing or null '" + field + "'");
        }
        return value;
    }

    /** A decimal that may be absent or null. */
    static BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                throw new BadPayloadException(SOURCE, "'" + field + "' is not a number: " + value.asText());
            }
        }
        throw new BadPayloadException(SOURCE, "'" + field + "' is not a number: " + value);
    }

    static int integer(JsonNode node, String field, int fallback) {
        BigDecimal value = optionalDecimal(node, field);
        return value == null ? fallback : value.intValue();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadPayloadException(SOURCE, "missing '" + field + "'");
        }
        return value.asText();
    }
}
