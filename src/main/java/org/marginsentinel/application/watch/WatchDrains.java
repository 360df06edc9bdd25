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

/**
 * Watches the cross pools of watched Hyperliquid accounts for a drain with the paper pools' {@link DrainMonitor}: a
 * fall of 20% or more of the margin balance within the hour is warned once per episode, even while the margin ratio
 * looks harmless. Cash that an answer shows came or went (a deposit, a withdrawal, margin moved to an isolated
 * position, a partial close at another price) shifts the remembered balances, so only the market counts. An episode
 * reported is stored ({@link DrainEpisodes}) until it ends, so a restart neither repeats its warning nor loses its
 * high. From memory but for those rare writes; thread-safe.
 */
@ApplicationScoped
public class WatchDrains {

    @Inject
    DrainEpisodes episodes;

    private final MarkHistory marks = new MarkHistory();
    private final DrainMonitor<Long> monitor = new DrainMonitor<>(DrainSettings.DEFAULTS, marks);
    private final Map<Long, DrainEpisodes.Episode> open = new HashMap<>();

    /** Start-up: the episodes reported before the restart, measured against their highs. */
    public synchronized void load() {
        open.clear();
        episodes.all().forEach((id, episode) -> {
            monitor.resume(id, episode.peakAt(), episode.peakBalance());
            open.put(id, episode);
        });
    }

    /**
     * The pool's sample now; the drain report when a drain starts (once per episode).
     *
     * @param crossPositions the pool's positions at the marks it was valued at, by coin
     */
    public synchronized Optional<DrainReport> observe(long accountId, CrossAccountRisk pool,
                                                      List<PricedPosition> crossPositions, Instant now) {
        crossPositions.forEach(p -> marks.record(p.position().symbol(), now, p.markPrice()));
        DrainReport report = monitor.observe(accountId, now, pool, crossPositions);
        if (report.alert()) {
            DrainEpisodes.Episode episode = new DrainEpisodes.Episode(report.peakMarginBalance(), report.peakAt());
            episodes.save(accountId, episode);
            open.put(accountId, episode);
            return Optional.of(report);
        }
        if (!monitor.draining(accountId) && open.remove(accountId) != null) {
            episodes.end(accountId);
        }
        return Optional.empty();
    }

    /**
     * A new answer: the pool's margin balance before and after it at the same marks; the difference is cash that
     * moved, not the market. Without a pool on either side the history is dropped.
     */
    public synchronized void answered(long accountId, CrossAccountRisk before, CrossAccountRisk after) {
        if (before == null || after == null) {
            forget(accountId);
            return;
        }
        BigDecimal cash = after.marginBalance().subtract(before.marginBalance());
        monitor.shift(accountId, cash);
        DrainEpisodes.Episode episode = open.get(accountId);
        if (episode != null && cash.signum() != 0) {
            DrainEpisodes.Episode shifted = new DrainEpisodes.Episode(episode.peakBalance().add(cash),
                    episode.peakAt());
            episodes.save(accountId, shifted);
            open.put(accountId, shifted);
        }
    }

    /** The account is no longer watched: its stored episode went with it. */
    public synchronized void unwatched(long accountId) {
        monitor.forget(accountId);
        open.remove(accountId);
    }

    /** The account holds no cross pool any more: its history and any open episode end. */
    public synchronized void forget(long accountId) {
        monitor.forget(accountId);
        if (open.remove(accountId) != null) {
            episodes.end(accountId);
        }
    }

    /** The coin that lost most since the pool's high, when known. */
    static String drainingCoin(DrainReport report) {
        return report.worst().map(DrainContributor::symbol).orElse(null);
    }

    /** The time to liquidation at the drain's rate, from the pool's headroom now; null when not losing. */
    static Duration timeToLiquidation(DrainReport report, CrossAccountRisk pool) {
        return DrainMonitor.timeAtRate(pool.marginBalance().subtract(pool.maintenanceMargin()), report.lossPerHour());
    }
}
