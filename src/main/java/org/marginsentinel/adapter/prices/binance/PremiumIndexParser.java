package org.marginsentinel.adapter.prices.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.adapter.prices.SnapshotBuilder;
import org.marginsentinel.adapter.prices.SourceSnapshot;

/**
 * Reads the all-symbol {@code premiumIndex} array. Keeps USDT perpetuals only: the answer also
 * lists dated contracts ({@code BTCUSDT_261225}), USDC contracts and, during the coin-margined
 * migration, {@code BTCUSD_PERP}-style symbols.
 */
public final class PremiumIndexParser {

    private final ObjectMapper mapper;

    public PremiumIndexParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws BadPayloadException when the body is not a premiumIndex array with at least one valid mark */
    public SourceSnapshot parse(String body) {
        JsonNode root = JsonBodies.read(mapper, BinanceMarkSource.NAME, body);
        if (!root.isArray()) {
            throw new BadPayloadException(BinanceMarkSource.NAME, "expected a JSON array, got " + root.getNodeType());
        }
        SnapshotBuilder snapshot = new SnapshotBuilder(BinanceMarkSource.NAME);
        for (JsonNode element : root) {
            PremiumIndexRow row;
            try {
                row = mapper.treeToValue(element, PremiumIndexRow.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                snapshot.reject("unreadable row: " + e.getMessage());
                continue;
            }
            if (row != null && row.symbol() != null) {
                snapshot.add(row.symbol(), row.markPrice(), row.time());
                snapshot.funding(row.symbol(), row.lastFundingRate(), row.nextFundingTime());
            }
        }
        return snapshot.build();
    }
}
