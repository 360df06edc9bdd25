package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The envelope of {@code GET /v5/market/tickers}: {@code retCode} 0 means success, whatever the
 * HTTP status said. Rows stay as JSON nodes so one malformed row cannot sink the others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TickersResponse(Integer retCode, String retMsg, Result result, Long time) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String category, List<JsonNode> list) {
    }
}
