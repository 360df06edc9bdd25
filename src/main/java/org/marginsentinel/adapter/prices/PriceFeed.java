package org.marginsentinel.adapter.prices;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.prices.binance.BinanceMarkSource;
import org.marginsentinel.adapter.prices.bybit.BybitMarkSource;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPriceHealth;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/**
 * The mark-price feed: polls one all-symbol endpoint per tick (Binance, or Bybit when Binance
 * cannot answer), keeps the latest good mark per symbol and serves the fresh ones.
 *
 * <p>Rules, in the order they apply:
 * <ul>
 *   <li>A source that refuses this server's region (Binance 451, Bybit 403) is logged once and left
 *       alone for {@code sentinel.prices.blocked-retry-interval}; one that rate-limits us is left
 *       alone until its {@code Retry-After} (or ban end), else for an exponentially growing pause.
 *       Timeouts, retries and a circuit breaker per source live on the sources themselves.</li>
 *   <li>Rows with a missing, non-numeric, zero or negative mark are ignored; the symbol keeps its
 *       previous good mark, which ages. An answer without one valid row counts as a failure.</li>
 *   <li>A mark more than {@code max-jump} away from the last good one is ignored unless the other
 *       source, asked only then, has a mark within {@code confirm-tolerance} of the new value.</li>
 *   <li>A mark older than {@code stale-after-polls} poll intervals is stale: {@link #latest} and
 *       {@link #all} leave it out; {@link #freshness(String)} still shows it.</li>
 *   <li>When no poll brings data for {@code pause-after}, {@link PriceFeedPaused} is fired once;
 *       the next good poll fires {@link PriceFeedResumed} once. Every good poll fires
 *       {@link MarksUpdated}.</li>
 * </ul>
 */
@ApplicationScoped
public class PriceFeed implements MarkPrices, MarkPriceHealth {

    private static final Logger LOG = Logger.getLogger(PriceFeed.class);
    /** Binance bans start at two minutes; without a better hint, wait at least that long after a 418. */
    private static final Duration MIN_BAN = Duration.ofMinutes(2);
    /** Binance bans go up to three days; never believe a hint beyond that. */
    private static final Duration MAX_HINTED_WAIT = Duration.ofDays(3);
    private static final MathContext RATIO = new MathContext(34, RoundingMode.HALF_EVEN);

    private final SourceGate primary;
    private final SourceGate fallback;
    private final PriceFeedConfig config;
    private final Clock clock;
    private final Event<MarksUpdated> marksUpdated;
    private final Event<PriceFeedPaused> feedPaused;
    private final Event<PriceFeedResumed> feedResumed;
    private final MeterRegistry registry;
    private final Duration staleAfter;

    private final Map<String, MarkPrice> lastGood = new ConcurrentHashMap<>();
    private final Set<String> knownSymbols = ConcurrentHashMap.newKeySet();
    private final Set<String> jumpsWarned = new HashSet<>();
    private volatile Instant deadSince;
    private boolean pauseAnnounced;
    private final CountDownLatch firstPoll = new CountDownLatch(1);

    @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true")
    boolean scheduling;
    private List<Gauge> gauges = List.of();

    @Inject
    public PriceFeed(BinanceMarkSource binance, BybitMarkSource bybit, PriceFeedConfig config, Clock clock,
            Event<MarksUpdated> marksUpdated, Event<PriceFeedPaused> feedPaused, Event<PriceFeedResumed> feedResumed,
            MeterRegistry registry) {
        this.primary = new SourceGate(binance);
        this.fallback = new SourceGate(bybit);
        this.config = config;
        this.clock = clock;
        this.marksUpdated = marksUpdated;
        this.feedPaused = feedPaused;
        this.feedResumed = feedResumed;
        this.registry = registry;
        this.staleAfter = config.pollInterval().multipliedBy(config.staleAfterPolls());
    }

    @PostConstruct
    void registerGauges() {
        gauges = List.of(
                Gauge.builder("sentinel.prices.stale.symbols", this, feed -> feed.countMarks(true))
                        .description("Symbols whose last good mark is stale").register(registry),
                Gauge.builder("sentinel.prices.fresh.symbols", this, feed -> feed.countMarks(false))
                        .description("Symbols with a fresh mark").register(registry));
    }

    /** Micrometer's global registry outlives the application in tests: a gauge must not keep reading old beans. */
    private volatile boolean stopping;

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

    @Override
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        return firstPoll.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Scheduled(identity = "mark-price-poll", every = "${sentinel.prices.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.debugf("Mark-price poll cut short by the shutdown: %s", e.getMessage());
            } else {
                LOG.error("Mark-price poll failed unexpectedly", e);
            }
        }
    }

    /** A poll running while the application stops fails on beans already gone: that is no error worth a trace. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * One poll: fetch, validate, store, fire events. The scheduler calls it every
     * {@code sentinel.prices.poll-interval}; tests call it directly.
     */
    public synchronized PollReport pollOnce() {
        try {
            return poll();
        } finally {
            firstPoll.countDown();
        }
    }

    private PollReport poll() {
        Instant now = clock.instant();
        Set<String> failedThisPoll = new HashSet<>();
        SourceSnapshot snapshot = null;
        for (SourceGate gate : List.of(primary, fallback)) {
            Optional<SourceSnapshot> answer = fetch(gate, now);
            if (answer.isPresent()) {
                snapshot = answer.get();
                break;
            }
            failedThisPoll.add(gate.name());
        }
        if (snapshot == null) {
            noData(now);
            return PollReport.noData(now);
        }
        PollReport report = store(snapshot, now, failedThisPoll);
        gotData(now);
        return report;
    }

    @Override
    public Optional<MarkPrice> latest(String symbol) {
        MarkPrice mark = symbol == null ? null : lastGood.get(symbol);
        return mark != null && isFresh(mark, clock.instant()) ? Optional.of(mark) : Optional.empty();
    }

    @Override
    public Map<String, MarkPrice> all() {
        return freshMarks(clock.instant());
    }

    @Override
    public boolean isKnownSymbol(String symbol) {
        return symbol != null && knownSymbols.contains(symbol);
    }

    @Override
    public Optional<MarkFreshness> freshness(String symbol) {
        MarkPrice mark = symbol == null ? null : lastGood.get(symbol);
        return mark == null ? Optional.empty() : Optional.of(freshnessOf(mark, clock.instant()));
    }

    @Override
    public Map<String, MarkFreshness> freshness() {
        Instant now = clock.instant();
        Map<String, MarkFreshness> result = new HashMap<>();
        lastGood.forEach((symbol, mark) -> result.put(symbol, freshnessOf(mark, now)));
        return Map.copyOf(result);
    }

    @Override
    public Optional<Instant> deadSince() {
        return Optional.ofNullable(deadSince);
    }

    /** Age from which a mark is stale: {@code poll-interval × stale-after-polls}. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /**
     * Forgets every mark, symbol, cool-down and health state, as if the application had just
     * started. For tests, which share one application between test methods.
     */
    public synchronized void reset() {
        lastGood.clear();
        knownSymbols.clear();
        jumpsWarned.clear();
        deadSince = null;
        pauseAnnounced = false;
        primary.recovered();
        fallback.recovered();
    }

    private Optional<SourceSnapshot> fetch(SourceGate gate, Instant now) {
        if (!gate.allows(now)) {
            LOG.debugf("Skipping %s until %s", gate.displayName(), gate.closedUntil().orElse(now));
            return Optional.empty();
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        try {
            SourceSnapshot snapshot = gate.source.fetch();
            sourceAnswered(gate);
            return Optional.of(snapshot);
        } catch (RegionBlockedException e) {
            outcome = e.reason();
            regionBlocked(gate, e, now);
        } catch (RateLimitedException e) {
            outcome = e.reason();
            rateLimited(gate, e, now);
        } catch (CircuitBreakerOpenException e) {
            outcome = "circuit-open";
            failed(gate, outcome, "circuit breaker open after repeated failures");
        } catch (TimeoutException e) {
            outcome = "timeout";
            failed(gate, outcome, "timed out");
        } catch (PriceSourceException e) {
            outcome = e.reason();
            failed(gate, outcome, e.getMessage());
        } catch (RuntimeException e) {
            outcome = "error";
            failed(gate, outcome, e.toString());
        } finally {
            sample.stop(registry.timer("sentinel.prices.fetch", "source", gate.name(), "outcome", outcome));
        }
        return Optional.empty();
    }

    private void sourceAnswered(SourceGate gate) {
        switch (gate.recovered()) {
            case REGION_UNBLOCKED -> LOG.infof("%s answers this server's region again; it serves mark prices again.",
                    gate.displayName());
            case BACK -> LOG.infof("%s mark prices are back.", gate.displayName());
            case NONE -> {
            }
        }
    }

    private void regionBlocked(SourceGate gate, RegionBlockedException e, Instant now) {
        gate.closeUntil(now.plus(config.blockedRetryInterval()));
        failureCounter(gate, e.reason()).increment();
        if (gate.markRegionBlocked()) {
            SourceGate other = other(gate);
            String instead = other.regionBlocked()
                    ? other.displayName() + " refuses it too, so there are no mark prices"
                    : "mark prices come from " + other.displayName() + " only";
            LOG.warnf("%s refuses this server's region (HTTP %d); %s. Trying %s again every %s.",
                    gate.displayName(), e.status(), instead, gate.displayName(), human(config.blockedRetryInterval()));
        } else {
            LOG.debugf("%s still refuses this server's region (HTTP %d)", gate.displayName(), e.status());
        }
    }

    private void rateLimited(SourceGate gate, RateLimitedException e, Instant now) {
        int strikes = gate.strike();
        Instant until;
        if (e.retryAfter().isPresent()) {
            until = now.plus(e.retryAfter().get());
        } else {
            Duration base = e.banned() ? MIN_BAN : config.rateLimitBackoff();
            Duration cap = config.maxBackoff().compareTo(base) > 0 ? config.maxBackoff() : base;
            until = now.plus(doubled(base, strikes - 1, cap));
        }
        if (e.retryAt().isPresent() && e.retryAt().get().isAfter(until)) {
            until = e.retryAt().get();
        }
        Instant latestAllowed = now.plus(MAX_HINTED_WAIT);
        if (until.isAfter(latestAllowed)) {
            until = latestAllowed;
        }
        gate.closeUntil(until);
        failureCounter(gate, e.reason()).increment();
        LOG.warnf("%s rate-limits this server (%s); no requests to it before %s.",
                gate.displayName(), e.getMessage(), until);
    }

    private void failed(SourceGate gate, String reason, String detail) {
        failureCounter(gate, reason).increment();
        if (gate.markFailing()) {
            LOG.warnf("%s mark prices unavailable: %s", gate.displayName(), detail);
        } else {
            LOG.debugf("%s mark prices still unavailable: %s", gate.displayName(), detail);
        }
    }

    private PollReport store(SourceSnapshot snapshot, Instant now, Set<String> failedThisPoll) {
        Map<String, BigDecimal> accepted = new HashMap<>();
        Map<String, BigDecimal> jumped = new HashMap<>();
        snapshot.marks().forEach((symbol, price) -> {
            MarkPrice previous = lastGood.get(symbol);
            if (previous == null || within(previous.price(), price, config.maxJump())) {
                accepted.put(symbol, price);
            } else {
                jumped.put(symbol, price);
            }
        });

        Set<String> ignoredJumps = new TreeSet<>();
        if (!jumped.isEmpty()) {
            SourceGate other = other(gateOf(snapshot.source()));
            Optional<SourceSnapshot> confirmation = failedThisPoll.contains(other.name())
                    ? Optional.empty()
                    : fetch(other, now);
            jumped.forEach((symbol, price) -> {
                BigDecimal previous = lastGood.get(symbol).price();
                BigDecimal confirming = confirmation.map(c -> c.marks().get(symbol)).orElse(null);
                if (confirming != null && within(price, confirming, config.confirmTolerance())) {
                    accepted.put(symbol, price);
                    jumpsWarned.remove(symbol);
                    LOG.infof("%s mark jumped from %s to %s on %s; %s confirms it (%s).", symbol,
                            previous.toPlainString(), price.toPlainString(), snapshot.source(), other.displayName(),
                            confirming.toPlainString());
                } else {
                    ignoredJumps.add(symbol);
                    String why = confirmation.isEmpty() ? other.displayName() + " could not be asked"
                            : confirming == null ? other.displayName() + " has no mark for it"
                            : other.displayName() + " says " + confirming.toPlainString();
                    if (jumpsWarned.add(symbol)) {
                        LOG.warnf("Ignoring %s mark %s from %s: more than %s%% away from the last good %s and %s.",
                                symbol, price.toPlainString(), snapshot.source(), percent(config.maxJump()),
                                previous.toPlainString(), why);
                    }
                }
            });
        }

        accepted.forEach((symbol, price) -> {
            lastGood.put(symbol, new MarkPrice(symbol, price, now, snapshot.source()));
            jumpsWarned.remove(symbol);
        });
        knownSymbols.addAll(snapshot.symbols());
        if (!snapshot.rejected().isEmpty()) {
            registry.counter("sentinel.prices.rows.rejected", "source", snapshot.source(), "reason", "invalid")
                    .increment(snapshot.rejected().size());
            LOG.debugf("%s rows rejected from %s: %s", snapshot.rejected().size(), snapshot.source(), snapshot.rejected());
        }
        if (!ignoredJumps.isEmpty()) {
            registry.counter("sentinel.prices.rows.rejected", "source", snapshot.source(), "reason", "jump")
                    .increment(ignoredJumps.size());
        }
        return new PollReport(now, Optional.of(snapshot.source()), accepted.keySet(), ignoredJumps, snapshot.rejected());
    }

    private void gotData(Instant now) {
        registry.counter("sentinel.prices.polls", "outcome", "data").increment();
        Instant pausedSince = deadSince;
        deadSince = null;
        if (pauseAnnounced) {
            pauseAnnounced = false;
            LOG.infof("Mark prices are back (no data from %s to %s).", pausedSince, now);
            fire(feedResumed, new PriceFeedResumed(pausedSince, now));
        }
        fire(marksUpdated, new MarksUpdated(freshMarks(now), now));
    }

    private void noData(Instant now) {
        registry.counter("sentinel.prices.polls", "outcome", "no-data").increment();
        if (deadSince == null) {
            deadSince = now;
        }
        if (!pauseAnnounced && !now.isBefore(deadSince.plus(config.pauseAfter()))) {
            pauseAnnounced = true;
            LOG.warnf("No mark prices from any source since %s; the price feed is paused.", deadSince);
            fire(feedPaused, new PriceFeedPaused(deadSince));
        }
    }

    private <T> void fire(Event<T> event, T payload) {
        try {
            event.fire(payload);
        } catch (RuntimeException e) {
            LOG.errorf(e, "An observer of %s failed", payload.getClass().getSimpleName());
        }
    }

    private Map<String, MarkPrice> freshMarks(Instant now) {
        Map<String, MarkPrice> fresh = new HashMap<>();
        lastGood.forEach((symbol, mark) -> {
            if (isFresh(mark, now)) {
                fresh.put(symbol, mark);
            }
        });
        return Map.copyOf(fresh);
    }

    private boolean isFresh(MarkPrice mark, Instant now) {
        return Duration.between(mark.observedAt(), now).compareTo(staleAfter) < 0;
    }

    private MarkFreshness freshnessOf(MarkPrice mark, Instant now) {
        return new MarkFreshness(mark, Duration.between(mark.observedAt(), now), !isFresh(mark, now));
    }

    private double countMarks(boolean stale) {
        Instant now = clock.instant();
        return lastGood.values().stream().filter(mark -> isFresh(mark, now) != stale).count();
    }

    private Counter failureCounter(SourceGate gate, String reason) {
        return registry.counter("sentinel.prices.fetch.failures", "source", gate.name(), "reason", reason);
    }

    private SourceGate gateOf(String sourceName) {
        return primary.name().equals(sourceName) ? primary : fallback;
    }

    private SourceGate other(SourceGate gate) {
        return gate == primary ? fallback : primary;
    }

    /** |value − reference| ≤ fraction × reference. */
    static boolean within(BigDecimal reference, BigDecimal value, BigDecimal fraction) {
        return value.subtract(reference).abs().compareTo(reference.multiply(fraction, RATIO)) <= 0;
    }

    private static Duration doubled(Duration base, int times, Duration cap) {
        Duration wait = base;
        for (int i = 0; i < times && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
