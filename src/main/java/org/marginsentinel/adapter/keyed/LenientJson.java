package org.marginsentinel.adapter.keyed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * Exchange payloads read leniently: comments and trailing commas are tolerated (some official examples have
 * them), numbers may come as strings or numbers, and an absent, empty or unparsable number is null, never 0.
 */
public final class LenientJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private LenientJson() {
    }

    /** The body as a tree; null when it is not JSON at all. */
    public static JsonNode read(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root == null || root.isMissingNode() ? null : root;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The field as a decimal, or null when absent, empty or not a number. */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Like {@link #decimal} but a zero is absent too (exchanges send "0" for "no liquidation price"). */
    public static BigDecimal positiveOrNull(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null || value.signum() <= 0 ? null : value;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }
}
