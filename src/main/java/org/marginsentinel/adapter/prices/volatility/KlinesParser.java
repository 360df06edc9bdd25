package org.marginsentinel.adapter.prices.volatility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.HttpFailures;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.adapter.prices.RateLimitedException;
import org.marginsentinel.adapter.prices.RegionBlockedException;
import org.marginsentinel.adapter.prices.TransientSourceException;

/**
 * Reads candle answers into closing prices, oldest first, <b>without the newest candle</b>: when the latest
 * candles are asked for, the newest one is still forming and its "close" is just the current price.
 * Binance answers an array of rows, oldest first; Bybit an envelope whose {@code result.list} is newest first.
 * In both, the close is the fifth cell of a row. A close that is missing, not a number, zero or negative
 * rejects the whole answer: a gap would fake a large return.
 */
public final class KlinesParser {

    /** Fewer closed candles than this give no usable estimate. */
    static final int MIN_CLOSES = 3;

    private final ObjectMapper mapper;

    public KlinesParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<BigDecimal> binance(String body) {
        String source = BinanceKlines.NAME;
        JsonNode root = JsonBodies.read(mapper, source, body);
        if (!root.isArray()) {
            throw new BadPayloadException(source, "klines are not an array: " + HttpFailures.snippet(body));
        }
        return closedCandles(source, closes(source, root));
    }

    public List<BigDecimal> bybit(String body) {
        String source = BybitKlines.NAME;
        JsonNode root = JsonBodies.read(mapper, source, body);
        JsonNode retCode = root.path("retCode");
        if (!retCode.canConvertToInt()) {
            throw new BadPayloadException(source, "no retCode in answer: " + HttpFailures.snippet(body));
        }
        if (retCode.asInt() != 0) {
            String message = "retCode " + retCode.asInt() + " (" + root.path("retMsg").asText() + ")";
            throw switch (retCode.asInt()) {
                case 10006 -> new RateLimitedException(source, 200, null, null, message);
                case 10009 -> new RegionBlockedException(source, 200, message);
                case 10016 -> new TransientSourceException(source, message);
                default -> new BadPayloadException(source, message);
            };
        }
        JsonNode list = root.path("result").path("list");
        if (!list.isArray()) {
            throw new BadPayloadException(source, "retCode 0 but no result.list");
        }
        List<BigDecimal> newestFirst = closes(source, list);
        Collections.reverse(newestFirst);
        return closedCandles(source, newestFirst);
    }

    private static List<BigDecimal> closes(String source, JsonNode rows) {
        List<BigDecimal> closes = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            JsonNode cell = row.path(4);
            BigDecimal close;
            try {
                close = cell.isTextual() ? new BigDecimal(cell.asText()) : cell.isNumber() ? cell.decimalValue() : null;
            } catch (NumberFormatException e) {
                close = null;
            }
            if (close == null || close.signum() <= 0) {
                throw new BadPayloadException(source, "a candle has no valid close: " + HttpFailures.snippet(row.toString()));
            }
            closes.add(close);
        }
        return closes;
    }

    private static List<BigDecimal> closedCandles(String source, List<BigDecimal> oldestFirst) {
        if (oldestFirst.size() - 1 < MIN_CLOSES) {
            throw new BadPayloadException(source, "only " + oldestFirst.size() + " candles");
        }
        return List.copyOf(oldestFirst.subList(0, oldestFirst.size() - 1));
    }
}
