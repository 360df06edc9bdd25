package org.marginsentinel.adapter.prices;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/**
 * Runs the risk tick off the poller: fires {@link MarksUpdated} (whose observer, {@code RiskMonitor.onMarks},
 * evaluates every position and writes warnings and liquidations to the database) and the pause/resume events on
 * one thread of its own, named {@value #THREAD}, never on the polling thread and never under the poll lock.
 *
 * <p>Coalescing: at most one tick runs and at most one waits. Marks that arrive while a tick runs replace the
 * waiting ones, so the next tick takes the latest marks and a slow tick never builds a queue (each
 * {@code MarksUpdated} holds every fresh mark, so skipping an older one loses nothing). After each tick the
 * symbols held in open positions are read again, on this thread, for the feed's per-symbol fallback and
 * readiness ({@link HeldSymbols}).
 */
@ApplicationScoped
public class MarksPublisher {

    /** The risk tick's thread. */
    public static final String THREAD = "risk-tick";

    private static final Logger LOG = Logger.getLogger(MarksPublisher.class);

    private final Event<MarksUpdated> marksUpdated;
    private final Event<PriceFeedPaused> feedPaused;
    private final Event<PriceFeedResumed> feedResumed;
    private final HeldSymbols heldSymbols;
    private final Counter coalesced;
    private final ExecutorService tickThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, THREAD);
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<MarksUpdated> waiting = new AtomicReference<>();

    @Inject
    public MarksPublisher(Event<MarksUpdated> marksUpdated, Event<PriceFeedPaused> feedPaused,
            Event<PriceFeedResumed> feedResumed, HeldSymbols heldSymbols, MeterRegistry registry) {
        this.marksUpdated = marksUpdated;
        this.feedPaused = feedPaused;
        this.feedResumed = feedResumed;
        this.heldSymbols = heldSymbols;
        this.coalesced = Counter.builder("sentinel.prices.ticks.coalesced")
                .description("Marks replaced by newer ones before their risk tick started").register(registry);
    }

    /** Hands fresh marks to the risk tick; returns at once. */
    public void publish(MarksUpdated marks) {
        MarksUpdated replaced = waiting.getAndSet(marks);
        if (replaced != null) {
            coalesced.increment(); // a tick for the older marks is already waiting: it will take these instead
            return;
        }
        run(this::tickLatest);
    }

    public void publish(PriceFeedPaused paused) {
        run(() -> fire(feedPaused, paused));
    }

    public void publish(PriceFeedResumed resumed) {
        run(() -> fire(feedResumed, resumed));
    }

    /**
     * Waits until everything published so far has been handled (the tick for the latest marks included).
     *
     * @return false if that took longer than {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        if (Thread.currentThread().getName().equals(THREAD)) {
            return true; // called from the tick itself: waiting would never end
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!run(() -> done.complete(null))) {
            return true;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        tickThread.shutdown();
        try {
            if (!tickThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The risk tick did not finish within 5 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tickLatest() {
        MarksUpdated marks = waiting.getAndSet(null);
        if (marks != null) {
            fire(marksUpdated, marks);
            try {
                heldSymbols.refresh();
            } catch (RuntimeException e) {
                LOG.warnf("Could not read the held symbols after a tick: %s", e.toString());
            }
        }
    }

    private boolean run(Runnable task) {
        try {
            tickThread.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("Risk tick thread stopped (shutdown); event dropped");
            return false;
        }
    }

    private static <T> void fire(Event<T> event, T payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.errorf(e, "An observer of %s failed", payload.getClass().getSimpleName());
        }
    }
}
