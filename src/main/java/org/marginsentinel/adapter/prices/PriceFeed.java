package org.marginsentinel.adapter.prices;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.prices.SourceFetcher.Venue;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.application.port.FundingRates;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPriceHealth;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/**
 * The mark-price feed: every {@code sentinel.prices.poll-interval} it polls one all-symbol endpoint (the
 * primary source, or the next when the primary cannot answer), keeps the latest good mark per symbol and serves
 * the fresh ones. The rules live in small classes: which source to ask ({@link SourceGate}), which marks to take
 * ({@link MarkSelection}, {@link JumpFilter}), how long they count ({@link MarkBook}) and whether the feed as a
 * whole delivers ({@link FeedHealth}).
 *
 * <p>Threads: polls run one at a time under this object's lock. The risk tick does <b>not</b> run here: every
 * poll with data hands a {@link MarksUpdated} to {@link MarksPublisher}, which fires it on its own
 * {@value MarksPublisher#THREAD} thread after the lock is released, coalescing ticks that fall behind.
 * {@link #pollOnce()} waits for that tick; the scheduler's polls do not.
 */
@ApplicationScoped
public class PriceFeed implements MarkPrices, MarkPriceHealth, FundingRates {

    private static final Logger LOG = Logger.getLogger(PriceFeed.class);
    /** Longest wait of {@link #pollOnce()} for the tick it triggered. */
    private static final Duration TICK_WAIT = Duration.ofSeconds(30);

    private final Clock clock;
    private final MarkBook book;
    private final FeedHealth health;
    private final MarkSelection selection;
    private final List<Venue> venues;
    private final MarksPublisher publisher;
    private final HeldSymbols heldSymbols;
    private final MeterRegistry registry;
    private final CountDownLatch firstPoll = new CountDownLatch(1);

    @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true")
    boolean scheduling;
    private List<Gauge> gauges = List.of();
    /** A poll running while the application stops fails on beans already gone: that is no error worth a trace. */
    private volatile boolean stopping;

    @Inject
    public PriceFeed(@All List<MarkSource> sources, PriceFeedConfig config, Clock clock, MarksPublisher publisher,
            HeldSymbols heldSymbols, MeterRegistry registry) {
        this.clock = clock;
        this.publisher = publisher;
        this.heldSymbols = heldSymbols;
        this.registry = registry;
        this.book = new MarkBook(config.pollInterval().multipliedBy(config.staleAfterPolls()));
        this.health = new FeedHealth(config.pauseAfter());
        SourceGate.Policy policy = new SourceGate.Policy(config.regionBlockConfirmations(),
                config.blockedRetryInterval(), config.blindProbeInterval(), config.rateLimitBackoff(),
                config.maxBackoff());
        this.venues = sources.stream().sorted(Comparator.comparingInt(MarkSource::priority))
                .map(source -> new Venue(source, new SourceGate(policy))).toList();
        this.selection = new MarkSelection(new SourceFetcher(venues, registry, config.blockedRetryInterval()), book,
                new JumpFilter(config.maxJump(), config.confirmTolerance()), registry);
    }

    @PostConstruct
    void registerGauges() {
        gauges = List.of(
                Gauge.builder("sentinel.prices.stale.symbols", this, feed -> feed.book.count(true, feed.clock.instant()))
                        .description("Symbols whose last good mark is stale").register(registry),
                Gauge.builder("sentinel.prices.fresh.symbols", this, feed -> feed.book.count(false, feed.clock.instant()))
                        .description("Symbols with a fresh mark").register(registry));
    }

    /** Micrometer's global registry outlives the application in tests: a gauge must not keep reading old beans. */
    @PreDestroy
    void unregisterGauges() {
        gauges.forEach(registry::remove);
    }

    /**
     * Polls once right away, in the background, instead of waiting for the scheduler's first turn: commands
     * that a crash left unhandled are handled at start-up and need fresh marks (see {@link #awaitFirstPoll}).
     * Runs before the Telegram bot's start-up observer, which may wait for it.
     */
    void pollAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (!scheduling) {
            return; // tests poll by hand
        }
        Thread first = new Thread(this::scheduledPoll, "mark-price-first-poll");
        first.setDaemon(true);
        first.start();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        return firstPoll.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Scheduled(identity = "mark-price-poll", every = "${sentinel.prices.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        try {
            poll();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("Mark-price poll cut short by the shutdown: %s", e.getMessage());
            } else {
                LOG.error("Mark-price poll failed unexpectedly", e);
            }
        }
    }

    /**
     * One poll, then waits until the risk tick (and any pause/resume notice) it triggered has run on the
     * {@value MarksPublisher#THREAD} thread: afterwards, warnings and liquidations due at these marks are stored.
     * For tests and callers who need that; the scheduler polls without waiting.
     */
    public PollReport pollOnce() {
        PollReport report = poll();
        if (!publisher.awaitIdle(TICK_WAIT)) {
            LOG.warnf("The risk tick after the poll at %s took over %s", report.at(), TICK_WAIT);
        }
        return report;
    }

    /** One poll: fetch, validate, store, hand the events to the tick thread. Returns without waiting for the tick. */
    public synchronized PollReport poll() {
        try {
            Instant now = clock.instant();
            PollReport report = selection.poll(now, heldSymbols.current());
            if (report.gotData()) {
                registry.counter("sentinel.prices.polls", "outcome", "data").increment();
                health.gotData(now).ifPresent(this::announce);
                publisher.publish(new MarksUpdated(book.fresh(now), now));
            } else {
                registry.counter("sentinel.prices.polls", "outcome", "no-data").increment();
                health.noData(now).ifPresent(this::announce);
            }
            return report;
        } finally {
            firstPoll.countDown();
        }
    }

    @Override
    public Optional<MarkPrice> latest(String symbol) {
        return book.fresh(symbol, clock.instant());
    }

    @Override
    public Map<String, MarkPrice> all() {
        return book.fresh(clock.instant());
    }

    @Override
    public boolean isKnownSymbol(String symbol) {
        return book.isKnown(symbol);
    }

    @Override
    public Optional<MarkFreshness> freshness(String symbol) {
        return book.freshness(symbol, clock.instant());
    }

    @Override
    public Map<String, MarkFreshness> freshness() {
        return book.freshness(clock.instant());
    }

    @Override
    public Set<String> heldSymbols() {
        return heldSymbols.current();
    }

    @Override
    public Optional<Instant> deadSince() {
        return health.deadSince();
    }

    /** Age from which a mark is stale: {@code poll-interval × stale-after-polls}, by the exchange's timestamp. */
    @Override
    public Duration staleAfter() {
        return book.staleAfter();
    }

    /**
     * Forgets every mark, symbol, cool-down and health state, as if the application had just started, once the
     * ticks already handed over have run. For tests, which share one application between test methods.
     */
    public synchronized void reset() {
        publisher.awaitIdle(TICK_WAIT);
        book.clear();
        selection.reset();
        health.reset();
        heldSymbols.clear();
        venues.forEach(venue -> venue.gate().answered());
    }

    private void announce(FeedHealth.Change change) {
        if (change instanceof FeedHealth.Change.Paused paused) {
            LOG.warnf("No mark prices from any source since %s; the price feed is paused.", paused.since());
            publisher.publish(new PriceFeedPaused(paused.since()));
        } else if (change instanceof FeedHealth.Change.Resumed resumed) {
            LOG.infof("Mark prices are back (no data from %s to %s).", resumed.pausedSince(), resumed.at());
            publisher.publish(new PriceFeedResumed(resumed.pausedSince(), resumed.at()));
        }
    }

    @Override
    public Optional<FundingRate> funding(String symbol) {
        return book.funding(symbol);
    }

    @Override
    public Map<String, FundingRate> allFunding() {
        return book.allFunding();
    }
}
