package org.marginsentinel.application.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.MarkCandles;

/**
 * Completes a symbol's sampled marks with the exchange's mark-price candles where the bot's own samples do not reach
 * back to the start of the chart (a symbol nobody held, a bot started minutes ago), so {@code /chart} works the first
 * time. What was fetched is kept, so the next chart of the same hours asks the exchange for nothing.
 */
@ApplicationScoped
public class ChartBackfill {

    /** A shorter gap at the start of a chart is not worth a request. */
    static final Duration NEGLIGIBLE_GAP = Duration.ofMinutes(3);

    private final MarkCandles candles;
    private final ChartHistory history;
    private final Clock clock;

    @Inject
    public ChartBackfill(MarkCandles candles, ChartHistory history, Clock clock) {
        this.candles = candles;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A symbol's marks over the last {@code window}, oldest first: the bot's samples, completed with candles where
     * they do not reach back, and {@code currentMark} (null when there is no fresh one) last.
     */
    public List<MarkSample> marksUntilNow(String symbol, Duration window, BigDecimal currentMark) {
        Instant now = clock.instant();
        List<MarkSample> marks = new ArrayList<>(complete(symbol, history.marks(symbol, window), now.minus(window), now));
        if (currentMark != null && (marks.isEmpty() || marks.get(marks.size() - 1).at().isBefore(now))) {
            marks.add(new MarkSample(symbol, now, currentMark));
        }
        return marks;
    }

    /** {@code sampled} (oldest first, from {@code from} on) preceded by candle marks back to {@code from}. */
    public List<MarkSample> complete(String symbol, List<MarkSample> sampled, Instant from, Instant now) {
        Instant firstSampled = sampled.isEmpty() ? now : sampled.get(0).at();
        if (!firstSampled.isAfter(from.plus(NEGLIGIBLE_GAP))) {
            return sampled;
        }
        List<MarkSample> earlier = candles.between(symbol, from, now).stream()
                .filter(mark -> mark.at().isBefore(firstSampled)).toList();
        if (earlier.isEmpty()) {
            return sampled;
        }
        history.keep(earlier);
        List<MarkSample> completed = new ArrayList<>(earlier);
        completed.addAll(sampled);
        return completed;
    }
}
