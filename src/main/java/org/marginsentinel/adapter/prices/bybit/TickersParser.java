package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.adapter.prices.SnapshotBuilder;
import org.marginsentinel.adapter.prices.SourceSnapshot;

/**
 * Reads {@code /v5/market/tickers?category=linear}. Checks {@code retCode} first (Bybit reports
 * errors with HTTP 200), then keeps USDT perpetuals, each keyed by the {@code symbol} inside its own
 * row (a bulk answer once carried one symbol's data under another's position).
 */
public final class TickersParser {

    private final ObjectMapper mapper;

    public TickersParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public SourceSnapshot parse(String body) {
        String source = BybitMarkSource.NAME;
        JsonNode root = JsonBodies.read(mapper, source, body);
        TickersResponse response;
        try {
            response = root.isObject() ? mapper.treeToValue(root, TickersResponse.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadPayloadException(source, "unexpected tickers envelope: " + e.getMessage(), e);
        }
        if (response == null || response.retCode() == null) {
            throw new BadPayloadException(source, "no retCode in answer: " + HttpFailures.snippet(body));
        }
        int retCode = response.retCode();
        if (retCode != 0) {
            throw BybitErrors.envelope(retCode, response.retMsg());
        }
        if (response.result() == null || response.result().list() == null) {
            throw new BadPayloadException(source, "retCode 0 but no result.list");
        }
        SnapshotBuilder snapshot = new SnapshotBuilder(source);
        for (JsonNode element : response.result().list()) {
            LinearTicker ticker;
            try {
                ticker = mapper.treeToValue(element, LinearTicker.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                snapshot.reject("unreadable row: " + e.getMessage());
                continue;
            }
            if (ticker != null && ticker.symbol() != null && ticker.isPerpetual()) {
                snapshot.add(ticker.symbol(), ticker.markPrice(), response.time());
                snapshot.funding(ticker.symbol(), ticker.fundingRate(), millis(ticker.nextFundingTime()));
            }
        }
        return snapshot.build();
    }

    private static Long millis(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
