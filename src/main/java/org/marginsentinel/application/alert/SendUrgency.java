package org.marginsentinel.application.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.marginsentinel.application.port.Notice;

/**
 * Where a notice stands in the send queue among the notices of its severity, when Telegram's limits make messages
 * wait (a crash): the subject closest to liquidation first, then the one with the higher odds, so that the users
 * about to be liquidated hear first. A {@link #rank} is one number, lower first; the severity still decides first.
 *
 * <ul>
 *   <li>Isolated position: its distance to liquidation, then its 24-hour odds.</li>
 *   <li>Cross pool (level or drain warning): {@link #poolDistance} — an estimate from the margin ratio until the
 *       notice carries the pool's own survivable move (issue 12).</li>
 *   <li>A liquidation notice: after every warning of its severity. The loss has happened; a warning still in the
 *       queue may save someone.</li>
 *   <li>Notices without a distance (prices paused or back): after those with one.</li>
 * </ul>
 */
public final class SendUrgency {

    /** The rank of a message that is not about a subject's risk: after every ranked one of its priority. */
    public static final long UNRANKED = Long.MAX_VALUE;

    /** Distance resolution: a millionth of the mark (0.0001%); 1,000,000 steps cover distances up to 100%. */
    static final long DISTANCE_STEPS = 1_000_000;
    /** Odds resolution: 0.01%. */
    static final long ODDS_STEPS = 10_000;
    /** After the largest distance: subjects whose distance is not known. */
    static final long UNKNOWN_DISTANCE = DISTANCE_STEPS + 1;
    /** After those: liquidations already carried out. */
    static final long LIQUIDATED = DISTANCE_STEPS + 2;

    /**
     * The maintenance rate assumed to turn a pool's margin ratio into a price move: the smallest tier's rate of the
     * large symbols (0.4–0.5%). Only orders pools among themselves and against isolated positions.
     */
    static final BigDecimal TYPICAL_MAINTENANCE_RATE = new BigDecimal("0.005");

    private SendUrgency() {
    }

    /** The rank of a notice; lower goes first. */
    public static long of(Notice notice) {
        return notice.accept(RANK);
    }

    /**
     * The rank of a subject {@code distance} (a fraction of the mark; null: unknown) from liquidation with these
     * {@code odds} of liquidation in 24 hours (a fraction; null: unknown, ranked as the lowest odds).
     */
    public static long rank(BigDecimal distance, BigDecimal odds) {
        long steps = distance == null ? UNKNOWN_DISTANCE : clampedSteps(distance, DISTANCE_STEPS, RoundingMode.CEILING);
        long oddsSteps = odds == null ? 0 : clampedSteps(odds, ODDS_STEPS, RoundingMode.FLOOR);
        return compose(steps, oddsSteps);
    }

    /**
     * The adverse move of every cross mark together (a fraction) that brings the pool to liquidation, estimated from
     * its margin ratio {@code r} = maintenance / margin balance: the pool can lose (1 − r) of its margin balance, and
     * its notional is about maintenance / rate, so the move is rate × (1 − r) / r. Null when there is no ratio to
     * judge (nothing owed); zero when the margin balance is gone.
     *
     * <p>Hook: once a pool warning carries the pool's survivable move (cross-pool distance, issue 12), rank by that.
     */
    static BigDecimal poolDistance(BigDecimal marginRatio) {
        if (marginRatio == null) {
            return BigDecimal.ZERO;
        }
        if (marginRatio.signum() <= 0) {
            return null;
        }
        if (marginRatio.compareTo(BigDecimal.ONE) >= 0) {
            return BigDecimal.ZERO;
        }
        return TYPICAL_MAINTENANCE_RATE.multiply(BigDecimal.ONE.subtract(marginRatio))
                .divide(marginRatio, 12, RoundingMode.HALF_EVEN);
    }

    private static long compose(long distanceSteps, long oddsSteps) {
        return distanceSteps * (ODDS_STEPS + 1) + (ODDS_STEPS - oddsSteps);
    }

    private static long clampedSteps(BigDecimal fraction, long steps, RoundingMode rounding) {
        if (fraction.signum() <= 0) {
            return 0;
        }
        if (fraction.compareTo(BigDecimal.ONE) >= 0) {
            return steps;
        }
        return fraction.multiply(BigDecimal.valueOf(steps)).setScale(0, rounding).longValueExact();
    }

    private static final Notice.Visitor<Long> RANK = new Notice.Visitor<>() {
        @Override
        public Long positionWarning(Notice.PositionWarning warning) {
            return rank(warning.risk().distanceToLiquidation(), warning.odds());
        }

        @Override
        public Long poolWarning(Notice.PoolWarning warning) {
            return rank(poolDistance(warning.pool().marginRatio()), null);
        }

        @Override
        public Long drainWarning(Notice.DrainWarning warning) {
            return rank(poolDistance(warning.marginRatio()), null);
        }

        @Override
        public Long isolatedLiquidated(Notice.IsolatedLiquidated liquidated) {
            return compose(LIQUIDATED, 0);
        }

        @Override
        public Long crossLiquidated(Notice.CrossLiquidated liquidated) {
            return compose(LIQUIDATED, 0);
        }

        @Override
        public Long feedPaused(Notice.FeedPaused paused) {
            return rank(null, null);
        }

        @Override
        public Long feedResumed(Notice.FeedResumed resumed) {
            return rank(null, null);
        }

        @Override
        public Long fundingPaid(Notice.FundingPaid paid) {
            return rank(null, null); // a note, not a warning: after every live warning
        }

        @Override
        public Long priceAlertFired(Notice.PriceAlertFired fired) {
            return rank(null, null);
        }

        @Override
        public Long stopExecuted(Notice.StopExecuted executed) {
            return rank(null, null); // the close is done: telling it cannot save anything
        }
    };
}
