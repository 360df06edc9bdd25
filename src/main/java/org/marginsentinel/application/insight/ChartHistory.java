package org.marginsentinel.application.insight;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.port.ChartHistoryStore;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;

/**
 * The history behind /chart. The risk tick hands it, once a minute, the marks of every held symbol and (every
 * {@code sentinel.insights.pool-sample-interval}) each cross pool's margin balance and maintenance margin, all from
 * memory; they are written in one batch on a thread of their own, so the tick never waits on the database and
 * never reads it. {@link #prune()} deletes samples older than {@code sentinel.insights.history-retention}; an adapter
 * schedules it hourly.
 */
@ApplicationScoped
public class ChartHistory {

    private static final Logger LOG = Logger.getLogger(ChartHistory.class.getName());

    @Inject
    ChartHistoryStore store;

    @Inject
    ChartHistorySettings settings;

    @Inject
    Clock clock;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "chart-history-writer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Future<?> lastWrite;
    private Instant lastPoolSample;

    /** The start of the minute of {@code instant}: samples are keyed by it. */
    public static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * Whether this minute's tick should sample the cross pools. Called from the tick thread only. A clock that
     * went back (a stepped system clock, a restored snapshot) samples at once rather than waiting to catch up.
     */
    public synchronized boolean poolSampleDue(Instant now) {
        Instant minute = minuteOf(now);
        return lastPoolSample == null || minute.isBefore(lastPoolSample)
                || !minute.isBefore(lastPoolSample.plus(settings.poolSampleInterval()));
    }

    /** Queues one minute of samples for writing; never blocks the caller and never throws. */
    public synchronized void record(Instant now, Map<String, BigDecimal> heldMarks, List<PoolSample> pools) {
        Instant minute = minuteOf(now);
        if (!pools.isEmpty()) {
            lastPoolSample = minute;
        }
        List<MarkSample> marks = new ArrayList<>(heldMarks.size());
        heldMarks.forEach((symbol, mark) -> marks.add(new MarkSample(symbol, minute, mark)));
        if (marks.isEmpty() && pools.isEmpty()) {
            return;
        }
        List<PoolSample> keyed = pools.stream()
                .map(p -> new PoolSample(p.userId(), minute, p.marginBalance(), p.maintenanceMargin())).toList();
        lastWrite = writer.submit(() -> {
            try {
                store.save(marks, keyed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not store chart samples of " + minute + "; charts will miss that minute", e);
            }
        });
    }

    /** Queues marks fetched from elsewhere (exchange candles) for writing, like the tick's own samples. */
    public synchronized void keep(List<MarkSample> marks) {
        if (marks.isEmpty()) {
            return;
        }
        List<MarkSample> copy = List.copyOf(marks);
        lastWrite = writer.submit(() -> {
            try {
                store.save(copy, List.of());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not store " + copy.size() + " fetched marks; charts fetch them again", e);
            }
        });
    }

    /** Waits until every queued write is done. For tests and shutdown. */
    public void flush() {
        Future<?> pending = lastWrite;
        if (pending != null) {
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.log(Level.WARNING, "Chart sample write failed", e);
            }
        }
    }

    /** A symbol's marks over the last {@code window}, oldest first. */
    public List<MarkSample> marks(String symbol, Duration window) {
        return store.marks(symbol, clock.instant().minus(window));
    }

    /** A user's pool samples over the last {@code window}, oldest first. */
    public List<PoolSample> pool(long userId, Duration window) {
        return store.pool(userId, clock.instant().minus(window));
    }

    /** Deletes samples older than the retention; returns how many. */
    public int prune() {
        return store.deleteBefore(clock.instant().minus(settings.historyRetention()));
    }

    @PreDestroy
    void stop() {
        flush();
        writer.shutdown();
    }
}
