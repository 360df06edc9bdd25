package org.marginsentinel.adapter.prices.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.Candles;
import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.JsonBodies;

/** Reads {@code markPriceKlines}: an array of rows, oldest first; see {@link Candles}. */
public final class MarkPriceKlinesParser {

    private final ObjectMapper mapper;

    public MarkPriceKlinesParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Closed candles' closes, oldest first. */
    public List<BigDecimal> parse(String body) {
        return Candles.closed(BinanceMarkSource.NAME, Candles.closes(BinanceMarkSource.NAME, rows(body)));
    }

    /** Closed candles with their opening times, oldest first. */
    public List<Candles.Close> parseTimed(String body) {
        return Candles.closedWithTimes(Candles.timedCloses(BinanceMarkSource.NAME, rows(body)));
    }

    private JsonNode rows(String body) {
        JsonNode root = JsonBodies.read(mapper, BinanceMarkSource.NAME, body);
        if (!root.isArray()) {
            throw new BadPayloadException(BinanceMarkSource.NAME, "klines are not an array: " + HttpFailures.snippet(body));
        }
        return root;
    }
}
