package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarksUpdated;

/**
 * The mark each held symbol had at its funding time, which the exchange settles funding with: for every funding time
 * settlement waits for ({@link #watch}), the last mark observed at or before it. Settlement runs every 30 s, so the
 * mark when it runs is seconds too late. In memory: after a restart across a funding time nothing was seen, and
 * settlement falls back to the mark it has.
 */
@ApplicationScoped
public class FundingMarks {

    private record Due(String symbol, Instant fundingTime) {
    }

    /** Each symbol's next funding time, as announced. */
    private final Map<String, Instant> watched = new ConcurrentHashMap<>();
    private final Map<Due, MarkPrice> lastBefore = new ConcurrentHashMap<>();

    /** Remember {@code symbol}'s last mark at or before {@code fundingTime} from now on. */
    public void watch(String symbol, Instant fundingTime) {
        watched.put(symbol, fundingTime);
    }

    void onMarks(@Observes MarksUpdated marks) {
        record(marks.marks());
    }

    /** Keeps each watched symbol's mark when it was observed at or before the symbol's funding time. */
    public void record(Map<String, MarkPrice> marks) {
        watched.forEach((symbol, fundingTime) -> {
            MarkPrice mark = marks.get(symbol);
            if (mark != null && !mark.observedAt().isAfter(fundingTime)) {
                lastBefore.merge(new Due(symbol, fundingTime), mark,
                        (kept, seen) -> seen.observedAt().isBefore(kept.observedAt()) ? kept : seen);
            }
        });
    }

    /** The last mark seen at or before the funding time; empty when none was seen (e.g. a restart across it). */
    public Optional<BigDecimal> at(String symbol, Instant fundingTime) {
        return Optional.ofNullable(lastBefore.get(new Due(symbol, fundingTime))).map(MarkPrice::price);
    }

    /** The funding time was settled: its mark is not needed any more. */
    public void settled(String symbol, Instant fundingTime) {
        lastBefore.remove(new Due(symbol, fundingTime));
        watched.remove(symbol, fundingTime);
    }
}
