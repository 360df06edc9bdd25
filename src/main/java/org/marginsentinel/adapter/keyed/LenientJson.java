package org.marginsentinel.adapter.keyed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * Exchange payloads read leniently: numbers may come as strings or numbers, an absent, empty or unparsable number
 * is null (never 0), and the faults of the exchanges' own published examples are repaired first ({@code //} and
 * block comments, a missing comma between two lines, a full-width comma {@code ，}, a trailing comma). Valid JSON
 * passes unchanged.
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
            JsonNode root = JSON.readTree(repair(body));
            return root == null || root.isMissingNode() ? null : root;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The body as a tree; an unreadable body throws {@link IllegalArgumentException}. */
    static JsonNode parse(String body) {
        JsonNode root = read(body);
        if (root == null) {
            throw new IllegalArgumentException("unreadable JSON");
        }
        return root;
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

    /** Comments out, full-width commas normalised, a comma inserted where a value is followed by another. */
    static String repair(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean inString = false;
        boolean valueEnded = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                    valueEnded = true;
                }
                continue;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
                continue;
            }
            if (c == '，') {
                c = ',';
            }
            if (Character.isWhitespace(c)) {
                out.append(c);
                continue;
            }
            if (valueEnded && (c == '"' || c == '{' || c == '[')) {
                out.append(',');
            }
            out.append(c);
            inString = c == '"';
            valueEnded = c == '}' || c == ']' || Character.isLetterOrDigit(c) || c == '.';
        }
        return out.toString();
    }
}
