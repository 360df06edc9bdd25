package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.insight.ChartHistory;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;

/**
 * Hands the chart history, once a minute, the marks of held symbols and (when due) every cross pool's margin
 * balance and maintenance margin, from memory; the history writes them on a thread of its own.
 */
final class ChartSampler {

    private static final Logger LOG = Logger.getLogger(ChartSampler.class.getName());

    /** Where the samples go: {@link ChartHistory} in the application. */
    interface Samples {

        boolean poolSampleDue(Instant now);

        void record(Instant now, Map<String, BigDecimal> heldMarks, List<PoolSample> pools);
    }

    private final Samples history;

    ChartSampler(Samples history) {
        this.history = history;
    }

    static ChartSampler of(ChartHistory history) {
        return new ChartSampler(new Samples() {
            @Override
            public boolean poolSampleDue(Instant now) {
                return history.poolSampleDue(now);
            }

            @Override
            public void record(Instant now, Map<String, BigDecimal> heldMarks, List<PoolSample> pools) {
                history.record(now, heldMarks, pools);
            }
        });
    }

    /** Call once a minute; never throws (charts missing a minute beat a failed tick). */
    void sample(RiskIndex index, double[] markArray, Map<String, BigDecimal> marks, Instant now) {
        try {
            List<PoolSample> pools = new ArrayList<>();
            if (history.poolSampleDue(now)) {
                for (int pool = 0; pool < index.poolSlots(); pool++) {
                    if (index.isLivePool(pool) && !Double.isNaN(index.crossRatio(pool, markArray))) {
                        pools.add(new PoolSample(index.poolOwner(pool).userId, now,
                                BigDecimal.valueOf(index.crossMarginBalance(pool, markArray)),
                                BigDecimal.valueOf(index.crossMaintenance(pool, markArray))));
                    }
                }
            }
            Map<String, BigDecimal> held = new HashMap<>();
            for (String symbol : index.heldSymbols()) {
                BigDecimal mark = marks.get(symbol);
                if (mark != null) {
                    held.put(symbol, mark);
                }
            }
            history.record(now, held, pools);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not hand chart samples over; charts will miss this minute", e);
        }
    }
}
