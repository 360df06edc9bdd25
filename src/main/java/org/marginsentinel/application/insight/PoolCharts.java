package org.marginsentinel.application.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;

/**
 * {@code /chart pool}: the cross pool's margin balance against its maintenance margin over the window. Where today's
 * positions and the ledger explain the pool it is reconstructed from the cross symbols' marks (the bot's samples and
 * the exchange's candles, as {@link ChartBackfill} keeps them); before that, the bot's own 5-minute pool samples.
 */
@ApplicationScoped
public class PoolCharts {

    @Inject
    PoolFacts facts;

    @Inject
    ChartHistory history;

    @Inject
    ChartBackfill backfill;

    @Inject
    MarginCalculator calculator;

    @Inject
    Clock clock;

    /**
     * What /chart pool draws.
     *
     * @param samples            oldest first, the current values last
     * @param reconstructedSince from when on the samples are reconstructed rather than sampled; null when none are
     */
    public record PoolChart(List<PoolSample> samples, CrossAccountRisk now, Duration window,
                            Instant reconstructedSince) {
    }

    /** The user's cross pool over {@code window}: margin balance and maintenance margin, the current values last. */
    public PoolChart chart(long userId, Duration window) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        PoolFacts.Read read = facts.read(userId, from);
        AccountSnapshot snapshot = read.snapshot();
        if (snapshot.positions().stream().allMatch(p -> p.position().isIsolated())) {
            throw CommandRejected.text("refusals.chart.noCross.refused");
        }
        PoolReconstruction.Past past = new PoolReconstruction(calculator)
                .reconstruct(read.facts(), crossMarks(snapshot, PoolReconstruction.explainedSince(read.facts(), from),
                        now), from, now);
        List<PoolSample> samples = new ArrayList<>();
        for (PoolSample sampled : history.pool(userId, window)) {
            if (past.isEmpty() || sampled.at().isBefore(past.since())) {
                samples.add(sampled);
            }
        }
        samples.addAll(past.points());
        CrossAccountRisk pool = snapshot.risk().cross();
        if (samples.isEmpty() || samples.get(samples.size() - 1).at().isBefore(now)) {
            samples.add(new PoolSample(userId, now, pool.marginBalance(), pool.maintenanceMargin()));
        }
        return new PoolChart(samples, pool, window, past.since());
    }

    /** Each cross symbol's marks from {@code since}: the bot's samples completed with the exchange's candles. */
    private Map<String, List<MarkSample>> crossMarks(AccountSnapshot snapshot, Instant since, Instant now) {
        Map<String, List<MarkSample>> marks = new HashMap<>();
        if (!since.isBefore(now)) {
            return marks;
        }
        Duration span = Duration.between(since, now);
        for (StoredPosition stored : snapshot.positions()) {
            String symbol = stored.position().symbol();
            if (!stored.position().isIsolated() && !marks.containsKey(symbol)) {
                BigDecimal current = snapshot.symbolsWithoutMark().contains(symbol) ? null
                        : snapshot.riskOf(stored).markPrice();
                marks.put(symbol, backfill.marksUntilNow(symbol, span, current));
            }
        }
        return marks;
    }
}
