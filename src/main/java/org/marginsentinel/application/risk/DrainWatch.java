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
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Notices cross pools whose margin balance falls fast: every pool sampled once a minute (the drain window's
 * resolution), one warning per episode when a pool lost 20% or more of its balance within the hour. From memory.
 */
final class DrainWatch {

    private final MarkHistory markHistory = new MarkHistory();
    private final DrainMonitor<Long> drains = new DrainMonitor<>(DrainSettings.DEFAULTS, markHistory);

    /** Remembers this tick's marks, so a warning can name the symbol draining the pool most. */
    void recordMarks(Map<String, BigDecimal> marks, Instant now) {
        marks.forEach((symbol, mark) -> markHistory.record(symbol, now, mark));
    }

    /** A deposit, withdrawal or trade moves the margin balance by itself: the user's window starts afresh. */
    void forget(long userId) {
        drains.forget(userId);
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
            long userId = index.poolOwner(pool).userId;
            double marginBalance = index.crossMarginBalance(pool, markArray);
            double maintenance = Double.isInfinite(ratio) ? 0 : ratio * marginBalance;
            List<PricedPosition> crossPositions = new ArrayList<>();
            for (IndexedPosition indexed : index.crossPositions(pool)) {
                crossPositions.add(new PricedPosition(indexed.position(), marks.get(indexed.position().symbol())));
            }
            DrainReport drain = drains.observe(userId, now, BigDecimal.valueOf(marginBalance),
                    BigDecimal.valueOf(maintenance), crossPositions);
            if (drain.alert()) {
                warnings.add(new Notice.DrainWarning(userId, drain.dropFraction(), drain.lossPerHour(),
                        drain.timeToLiquidation(), drain.marginBalance(),
                        Double.isInfinite(ratio) ? null : BigDecimal.valueOf(ratio),
                        drain.worst().map(DrainContributor::symbol).orElse(null)));
            }
        }
        return warnings;
    }
}
