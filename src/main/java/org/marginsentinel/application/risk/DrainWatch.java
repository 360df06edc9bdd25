package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.DrainContributor;
import org.marginsentinel.domain.alert.DrainMonitor;
import org.marginsentinel.domain.alert.DrainReport;
import org.marginsentinel.domain.alert.DrainSettings;
import org.marginsentinel.domain.alert.MarkHistory;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Notices cross pools whose margin balance falls fast: every pool sampled once a minute (the drain window's
 * resolution), one warning per episode when a pool lost 20% or more of its balance within the hour. From memory.
 *
 * <p>It remembers across account changes: cash that moves in or out of the pool (a deposit, a withdrawal, margin
 * for an isolated position, a position's realised PnL) shifts the remembered balances by that cash, so only the
 * market counts as a drain. A warning's figures come from the exact engine, like /risk's, with the pool's distance.
 */
final class DrainWatch {

    private final MarkHistory markHistory = new MarkHistory();
    private final DrainMonitor<Long> drains = new DrainMonitor<>(DrainSettings.DEFAULTS, markHistory);
    private final MarginCalculator calculator;
    private final PoolDistances distances;

    DrainWatch(MarginCalculator calculator, PoolDistances distances) {
        this.calculator = calculator;
        this.distances = distances;
    }

    /** Remembers this tick's marks, so a warning can name the symbol draining the pool most. */
    void recordMarks(Map<String, BigDecimal> marks, Instant now) {
        marks.forEach((symbol, mark) -> markHistory.record(symbol, now, mark));
    }

    /**
     * A committed change of the account: the pool's margin balance at the same marks before and after it (NaN
     * when there was or is no pool, or a mark is missing). The difference is cash that moved, not a market move.
     */
    void accountChanged(long userId, double balanceBefore, double balanceAfter) {
        if (Double.isNaN(balanceBefore) || Double.isNaN(balanceAfter)) {
            drains.forget(userId);
            return;
        }
        drains.shift(userId, BigDecimal.valueOf(balanceAfter - balanceBefore));
    }

    /** This minute's sample of every live pool; the drain warnings it gives. Call once a minute. */
    List<Notice.DrainWarning> sample(RiskIndex index, double[] markArray, Map<String, BigDecimal> marks, Instant now) {
        List<Notice.DrainWarning> warnings = new ArrayList<>();
        for (int pool = 0; pool < index.poolSlots(); pool++) {
            if (!index.isLivePool(pool)) {
                continue;
            }
            double ratio = index.crossRatio(pool, markArray);
            if (Double.isNaN(ratio)) {
                continue;
            }
            UserBook book = index.poolOwner(pool);
            double marginBalance = index.crossMarginBalance(pool, markArray);
            double maintenance = Double.isInfinite(ratio) ? 0 : ratio * marginBalance;
            List<PricedPosition> crossPositions = new ArrayList<>();
            for (IndexedPosition indexed : index.crossPositions(pool)) {
                crossPositions.add(new PricedPosition(indexed.position(), marks.get(indexed.position().symbol())));
            }
            DrainReport drain = drains.observe(book.userId, now, BigDecimal.valueOf(marginBalance),
                    BigDecimal.valueOf(maintenance), crossPositions);
            if (drain.alert()) {
                warnings.add(warning(book, index, drain, crossPositions));
            }
        }
        return warnings;
    }

    /** The warning's figures by the exact engine at the same marks, with the pool's distance. */
    private Notice.DrainWarning warning(UserBook book, RiskIndex index, DrainReport drain,
                                        List<PricedPosition> crossPositions) {
        BigDecimal crossWallet = book.walletBalance().subtract(isolatedMargins(index, book));
        CrossAccountRisk pool = calculator.cross(crossWallet, crossPositions);
        PoolDistance distance = distances.of(crossWallet, crossPositions);
        BigDecimal headroom = pool.marginBalance().subtract(pool.maintenanceMargin());
        return new Notice.DrainWarning(book.userId, drain.dropFraction(), drain.lossPerHour(),
                DrainMonitor.timeAtRate(headroom, drain.lossPerHour()), pool.marginBalance(), pool.marginRatio(),
                drain.worst().map(DrainContributor::symbol).orElse(null), distance);
    }

    private static BigDecimal isolatedMargins(RiskIndex index, UserBook book) {
        BigDecimal total = BigDecimal.ZERO;
        for (IndexedPosition indexed : index.positionsOf(book)) {
            if (indexed.position().isIsolated()) {
                total = total.add(indexed.position().isolatedMargin());
            }
        }
        return total;
    }
}
