package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.Candles;
import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.JsonBodies;

/** Reads {@code mark-price-kline}: an envelope whose {@code result.list} is newest first; see {@link Candles}. */
public final class MarkPriceKlineParser {

    private final ObjectMapper mapper;

    public MarkPriceKlineParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Closed candles' closes, oldest first. */
    public List<BigDecimal> parse(String body) {
        List<BigDecimal> newestFirst = Candles.closes(BybitMarkSource.NAME, rows(body));
        Collections.reverse(newestFirst);
        return Candles.closed(BybitMarkSource.NAME, newestFirst);
    }

    /** Closed candles with their opening times, oldest first. */
    public List<Candles.Close> parseTimed(String body) {
        List<Candles.Close> newestFirst = Candles.timedCloses(BybitMarkSource.NAME, rows(body));
        Collections.reverse(newestFirst);
        return Candles.closedWithTimes(newestFirst);
    }

    private JsonNode rows(String body) {
        String source = BybitMarkSource.NAME;
        JsonNode root = JsonBodies.read(mapper, source, body);
        JsonNode retCode = root.path("retCode");
        if (!retCode.canConvertToInt()) {
            throw new BadPayloadException(source, "no retCode in answer: " + HttpFailures.snippet(body));
        }
        if (retCode.asInt() != 0) {
            throw BybitErrors.envelope(retCode.asInt(), root.path("retMsg").asText());
        }
        JsonNode list = root.path("result").path("list");
        if (!list.isArray()) {
            throw new BadPayloadException(source, "retCode 0 but no result.list");
        }
        return list;
    }
}
