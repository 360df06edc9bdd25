package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Compact history for charts: marks per symbol and minute, cross-pool samples per user. Own transactions. */
public interface ChartHistoryStore {

    record MarkSample(String symbol, Instant at, BigDecimal markPrice) {
    }

    record PoolSample(long userId, Instant at, BigDecimal marginBalance, BigDecimal maintenanceMargin) {
    }

    /** Stores the samples; a sample for a key and time already stored replaces it (a restart may repeat a minute). */
    void save(List<MarkSample> marks, List<PoolSample> pools);

    /** A symbol's marks at or after {@code from}, oldest first. */
    List<MarkSample> marks(String symbol, Instant from);

    /** A user's pool samples at or after {@code from}, oldest first. */
    List<PoolSample> pool(long userId, Instant from);

    /** Deletes every sample older than {@code before}; returns how many. */
    int deleteBefore(Instant before);
}
