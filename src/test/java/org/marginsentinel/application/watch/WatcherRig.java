package org.marginsentinel.application.watch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginsentinel.application.port.HyperliquidInfo;
import org.marginsentinel.application.port.InfoUnavailable;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.testsupport.fakes.FakeVolatilities;
import org.marginsentinel.testsupport.fakes.InMemoryAlertStore;
import org.marginsentinel.testsupport.fakes.MutableClock;

/**
 * The Hyperliquid watcher wired without a framework: the real {@link WatchList}, {@link WatchPolling},
 * {@link WatchRecorder}, {@link WatchWarnings} and {@link WatchBook} over in-memory "database" fakes (watched
 * accounts, alert states, liquidation sightings), a scripted {@code /info} and a recording notifier.
 * {@link #restart()} throws every in-memory part away (book, poll planner, preference cache) and loads a new one
 * from the fakes, as a process restart does; the fakes and what was told survive it.
 */
final class WatcherRig {

    final MutableClock clock;
    final InMemoryAlertStore alerts = new InMemoryAlertStore();
    final Map<Long, WatchedAccount> stored = new HashMap<>();
    final Map<Long, Set<String>> sightingRows = new HashMap<>();
    final List<WatchNotice> told = new ArrayList<>();
    final Map<String, BigDecimal> marks = new HashMap<>();
    final Map<String, WatchedAccountState> answers = new HashMap<>();
    final Map<String, String> failures = new HashMap<>();
    final FakeVolatilities volatilities = new FakeVolatilities();
    final MapDrainEpisodes drainEpisodes = new MapDrainEpisodes();

    WatchList list;
    WatchPolling polling;
    WatchBook book;
    WatchAdvice advice;

    WatcherRig(Instant start) {
        clock = new MutableClock(start);
        restart();
    }

    /** A new process: every in-memory part built afresh and loaded from the stores. */
    void restart() {
        book = new WatchBook();
        WatchStore store = store();
        LiquidationSightings sightings = sightings();
        WatchNotifier notifier = told::add;
        HyperliquidInfo info = info();
        WatchSettings settings = WatchSettings.DEFAULTS;

        advice = new WatchAdvice();
        advice.book = book;
        advice.volatilities = volatilities;
        advice.alerts = alerts;

        WatchDrains drains = new WatchDrains();
        drains.episodes = drainEpisodes;

        WatchWarnings warnings = new WatchWarnings();
        warnings.drains = drains;
        warnings.advice = advice;
        warnings.book = book;
        warnings.alerts = alerts;
        warnings.notifier = notifier;
        warnings.sightings = sightings;

        WatchRecorder recorder = new WatchRecorder();
        recorder.book = book;
        recorder.store = store;
        recorder.warnings = warnings;
        recorder.notifier = notifier;
        recorder.settings = settings;
        recorder.sightings = sightings;
        recorder.drains = drains;

        polling = new WatchPolling();
        polling.book = book;
        polling.info = info;
        polling.recorder = recorder;
        polling.settings = settings;

        list = new WatchList();
        list.store = store;
        list.book = book;
        list.info = info;
        list.alerts = alerts;
        list.settings = settings;
        list.clock = clock;
        list.sightings = sightings;
        list.drains = drains;
        list.afterCommit = new AfterCommit() {
            @Override
            public void run(Runnable action) {
                action.run();
            }
        };
        list.loadAll();
    }

    /** One scheduler step {@code after} the previous one. */
    void tickAfter(Duration after) {
        polling.tick(clock.advance(after));
    }

    /** What the watcher told since the last call. */
    List<WatchNotice> drainTold() {
        List<WatchNotice> drained = List.copyOf(told);
        told.clear();
        return drained;
    }

    private WatchStore store() {
        return new WatchStore() {
            @Override
            public List<WatchedAccount> all() {
                return stored.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
            }

            @Override
            public WatchedAccount add(long userId, HyperliquidAddress address, WatchedAccountState state, Instant at) {
                WatchedAccount account = new WatchedAccount(stored.size() + 1L, userId, address, at, at, state,
                        Availability.OK);
                stored.put(account.id(), account);
                return account;
            }

            @Override
            public void save(WatchedAccount account) {
                stored.put(account.id(), account);
            }

            @Override
            public void remove(long id) {
                stored.remove(id);
                sightingRows.remove(id);
            }
        };
    }

    private LiquidationSightings sightings() {
        return new LiquidationSightings() {
            @Override
            public Map<Long, Set<String>> all() {
                Map<Long, Set<String>> copy = new HashMap<>();
                sightingRows.forEach((id, coins) -> copy.put(id, Set.copyOf(coins)));
                return copy;
            }

            @Override
            public void seen(long accountId, String coin) {
                sightingRows.computeIfAbsent(accountId, id -> new HashSet<>()).add(coin);
            }

            @Override
            public void forget(long accountId) {
                sightingRows.remove(accountId);
            }
        };
    }

    private HyperliquidInfo info() {
        return new HyperliquidInfo() {
            @Override
            public WatchedAccountState account(HyperliquidAddress address) {
                String failure = failures.get(address.value());
                if (failure != null) {
                    throw new InfoUnavailable(failure, false, null);
                }
                WatchedAccountState answer = answers.get(address.value());
                if (answer == null) {
                    throw new InfoUnavailable("no answer scripted", false, null);
                }
                return answer;
            }

            @Override
            public HyperliquidMarket market() {
                Map<String, HyperliquidMarket.Asset> assets = new HashMap<>();
                marks.forEach((coin, mark) -> assets.put(coin, new HyperliquidMarket.Asset(coin, mark,
                        BigDecimal.ZERO, 25, List.of(new PublishedTier(BigDecimal.ZERO, null, 25, null, null)))));
                return new HyperliquidMarket(assets);
            }
        };
    }
}
