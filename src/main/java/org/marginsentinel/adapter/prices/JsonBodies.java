package org.marginsentinel.adapter.prices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** Strict JSON reading of a response body that may turn out to be HTML or cut off. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The body as a JSON tree: numbers with fractions become {@code BigDecimal}, and trailing
     * garbage after the JSON value is an error.
     *
     * @throws BadPayloadException for an empty body, HTML, or invalid or truncated JSON
     */
    public static JsonNode read(ObjectMapper mapper, String source, String body) {
        if (body == null || body.isBlank()) {
            throw new BadPayloadException(source, "empty body");
        }
        if (body.stripLeading().startsWith("<")) {
            throw new BadPayloadException(source, "HTML instead of JSON: " + HttpFailures.snippet(body));
        }
        ObjectReader reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            return reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadPayloadException(source, "invalid or truncated JSON: " + e.getOriginalMessage(), e);
        }
    }
}
