package org.marginsentinel.adapter.prices;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every exchange's candle answers share: the close is the fifth cell of a row, and the newest candle of
 * a "latest candles" answer is still forming (its "close" is just the current price), so it is dropped. A close
 * that is missing, not a number, zero or negative rejects the whole answer: a gap would fake a large return.
 */
public final class Candles {

    /** Fewer closed candles than this give no usable estimate. */
    public static final int MIN_CLOSES = 3;

    private Candles() {
    }

    /** A candle's opening time and its close. */
    public record Close(Instant openTime, BigDecimal close) {
    }

    /** The close of every row, in the rows' order. */
    public static List<BigDecimal> closes(String source, JsonNode rows) {
        List<BigDecimal> closes = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            closes.add(close(source, row));
        }
        return closes;
    }

    /** The opening time (the first cell, epoch milliseconds) and the close of every row, in the rows' order. */
    public static List<Close> timedCloses(String source, JsonNode rows) {
        List<Close> closes = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            JsonNode cell = row.path(0);
            long openMillis;
            if (cell.canConvertToLong() || cell.isTextual() && cell.asText().matches("\\d{1,15}")) {
                openMillis = cell.asLong();
            } else {
                throw new BadPayloadException(source, "a candle has no opening time: " + HttpFailures.snippet(row.toString()));
            }
            closes.add(new Close(Instant.ofEpochMilli(openMillis), close(source, row)));
        }
        return closes;
    }

    /** The candles without the newest (forming) one, oldest first; empty when fewer than two are closed. */
    public static List<Close> closedWithTimes(List<Close> oldestFirst) {
        return oldestFirst.size() < 3 ? List.of() : List.copyOf(oldestFirst.subList(0, oldestFirst.size() - 1));
    }

    private static BigDecimal close(String source, JsonNode row) {
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
        return close;
    }

    /** The closes without the newest (forming) candle, oldest first. */
    public static List<BigDecimal> closed(String source, List<BigDecimal> oldestFirst) {
        if (oldestFirst.size() - 1 < MIN_CLOSES) {
            throw new BadPayloadException(source, "only " + oldestFirst.size() + " candles");
        }
        return List.copyOf(oldestFirst.subList(0, oldestFirst.size() - 1));
    }
}
