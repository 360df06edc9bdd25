package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.domain.alert.DrainContributor;
import org.marginsentinel.domain.alert.DrainMonitor;
import org.marginsentinel.domain.alert.DrainReport;
import org.marginsentinel.domain.alert.DrainSettings;
import org.marginsentinel.domain.alert.MarkHistory;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * Watches the cross pools of watched accounts (Hyperliquid and keyed) for a drain with the paper pools'
 * {@link DrainMonitor}: a fall of 20% or more of the margin balance within the hour is warned once per episode, even
 * while the margin ratio looks harmless. Cash that an answer shows came or went (a deposit, a withdrawal, margin moved
 * to an isolated position, a partial close at another price) shifts the remembered balances, so only the market
 * counts. An episode reported is stored ({@link DrainEpisodes}) until it ends, so a restart neither repeats its warning
 * nor loses its high. Subjects are {@code hl:<id>:drain} and {@code kx:<id>:drain}. From memory but for those rare
 * writes; thread-safe.
 */
@ApplicationScoped
public class WatchDrains {

    @Inject
    DrainEpisodes episodes;

    private final MarkHistory marks = new MarkHistory();
    private final DrainMonitor<String> monitor = new DrainMonitor<>(DrainSettings.DEFAULTS, marks);
    private final Map<String, DrainEpisodes.Episode> open = new HashMap<>();

    public static String subject(Watched account) {
        return (account instanceof KeyedAccount ? KeyedBook.subjectPrefix(account.id())
                : WatchBook.subjectPrefix(account.id())) + "drain";
    }

    /** Start-up: the episodes reported before the restart, measured against their highs. */
    public synchronized void load() {
        open.clear();
        episodes.all().forEach((subject, episode) -> {
            monitor.resume(subject, episode.peakAt(), episode.peakBalance());
            open.put(subject, episode);
        });
    }

    /**
     * The pool's sample now; the drain report when a drain starts (once per episode).
     *
     * @param crossPositions the pool's positions at the marks it was valued at
     */
    public synchronized Optional<DrainReport> observe(String subject, CrossAccountRisk pool,
                                                      List<PricedPosition> crossPositions, Instant now) {
        // Marks by symbol only: exchanges' marks of one symbol differ too little to name another drainer.
        crossPositions.forEach(p -> marks.record(p.position().symbol(), now, p.markPrice()));
        DrainReport report = monitor.observe(subject, now, pool, crossPositions);
        if (report.alert()) {
            DrainEpisodes.Episode episode = new DrainEpisodes.Episode(report.peakMarginBalance(), report.peakAt());
            episodes.save(subject, episode);
            open.put(subject, episode);
            return Optional.of(report);
        }
        if (!monitor.draining(subject) && open.remove(subject) != null) {
            episodes.end(subject);
        }
        return Optional.empty();
    }

    /**
     * A new answer: the pool's margin balance before and after it at the same marks; the difference is cash that
     * moved, not the market. Without a pool on either side the history is dropped.
     */
    public synchronized void answered(String subject, CrossAccountRisk before, CrossAccountRisk after) {
        if (before == null || after == null) {
            forget(subject);
            return;
        }
        shift(subject, after.marginBalance().subtract(before.marginBalance()));
    }

    /**
     * A keyed account's new answer, valued at the exchange's new marks: the old pool revalued at those marks tells the
     * market's part of the change; the rest is cash. Without a pool on either side, or a mark for an old position, the
     * history is dropped; without an earlier answer it stays as it is.
     */
    public synchronized void answered(String subject, KeyedValuation before, KeyedValuation after) {
        if (before == null || after == null) {
            return; // no earlier answer (or no valuer) to compare with: nothing is known to have moved
        }
        if (before.cross() == null || after.cross() == null || before.crossLegs() == null
                || after.crossLegs() == null) {
            forget(subject);
            return;
        }
        Map<String, BigDecimal> newMarks = new HashMap<>();
        after.crossLegs().positions().forEach(p -> newMarks.put(p.position().symbol(), p.markPrice()));
        BigDecimal oldAtNewMarks = before.crossLegs().crossWallet();
        for (PricedPosition old : before.crossLegs().positions()) {
            BigDecimal mark = newMarks.get(old.position().symbol());
            if (mark == null) {
                forget(subject);
                return;
            }
            oldAtNewMarks = oldAtNewMarks.add(old.position().unrealizedPnl(mark));
        }
        shift(subject, after.cross().marginBalance().subtract(oldAtNewMarks));
    }

    /** The account holds no cross pool any more, or is being unwatched: its history and any open episode end. */
    public synchronized void forget(String subject) {
        monitor.forget(subject);
        if (open.remove(subject) != null) {
            episodes.end(subject);
        }
    }

    /** The coin that lost most since the pool's high, when known. */
    static String drainingSymbol(DrainReport report) {
        return report.worst().map(DrainContributor::symbol).orElse(null);
    }

    /** The time to liquidation at the drain's rate, from the pool's headroom now; null when not losing. */
    static Duration timeToLiquidation(DrainReport report, CrossAccountRisk pool) {
        return DrainMonitor.timeAtRate(pool.marginBalance().subtract(pool.maintenanceMargin()), report.lossPerHour());
    }

    private void shift(String subject, BigDecimal cash) {
        monitor.shift(subject, cash);
        DrainEpisodes.Episode episode = open.get(subject);
        if (episode != null && cash.signum() != 0) {
            DrainEpisodes.Episode shifted = new DrainEpisodes.Episode(episode.peakBalance().add(cash),
                    episode.peakAt());
            episodes.save(subject, shifted);
            open.put(subject, shifted);
        }
    }
}
