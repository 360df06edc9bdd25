package org.marginsentinel.application.risk;

import org.marginsentinel.domain.alert.RiskThresholds;

/**
 * One set of alert thresholds as doubles for the screen, shared by every user with the same settings.
 * The screen decides only whether a subject needs an exact look; the decision itself is made with
 * {@link #exact} in decimals.
 */
final class ScreenLevels {

    static final double DISTANCE_RELEASE = RiskThresholds.DISTANCE_RELEASE_FACTOR.doubleValue();
    static final double RATIO_RELEASE = RiskThresholds.MARGIN_RATIO_RELEASE_STEP.doubleValue();

    final RiskThresholds exact;
    final double isoWarning;
    final double isoDanger;
    final double isoCritical;
    final double crossWarning;
    final double crossDanger;
    final double crossCritical;

    ScreenLevels(RiskThresholds exact) {
        this.exact = exact;
        isoWarning = exact.isolatedWarning().doubleValue();
        isoDanger = exact.isolatedDanger().doubleValue();
        isoCritical = exact.isolatedCritical().doubleValue();
        crossWarning = exact.crossWarning().doubleValue();
        crossDanger = exact.crossDanger().doubleValue();
        crossCritical = exact.crossCritical().doubleValue();
    }

    /**
     * The distance to liquidation at or under which an isolated position held at {@code held} (a
     * {@link org.marginsentinel.domain.alert.RiskLevel} ordinal) gets worse, or stays CRITICAL or worse.
     */
    double worseAtDistance(int held) {
        return worseAtDistance(held, isoWarning);
    }

    /** As {@link #worseAtDistance(int)} for a position whose WARNING distance is {@code warning}. */
    double worseAtDistance(int held, double warning) {
        return held == 0 ? warning : held == 1 ? isoDanger : isoCritical;
    }

    /** The distance from which an isolated position held at {@code held} has clearly recovered; +∞ for SAFE. */
    double releasedFromDistance(int held) {
        return releasedFromDistance(held, isoWarning);
    }

    /** As {@link #releasedFromDistance(int)} for a position whose WARNING distance is {@code warning}. */
    double releasedFromDistance(int held, double warning) {
        return held == 0 ? Double.POSITIVE_INFINITY
                : (held == 1 ? warning : held == 2 ? isoDanger : isoCritical) * DISTANCE_RELEASE;
    }

    /** The isolated level (ordinal) a distance to liquidation measures, without history. */
    byte isolatedLevelOf(double distance, double warning) {
        return distance <= 0 ? 4 : distance <= isoCritical ? 3 : distance <= isoDanger ? 2
                : distance <= warning ? (byte) 1 : 0;
    }

    /** The cross level (ordinal) a margin ratio measures, without history. */
    byte crossLevelOf(double ratio) {
        if (ratio >= 1) {
            return 4;
        }
        if (ratio >= crossCritical) {
            return 3;
        }
        if (ratio >= crossDanger) {
            return 2;
        }
        return (byte) (ratio >= crossWarning ? 1 : 0);
    }

    /**
     * Whether a cross pool held at {@code held} needs an exact look at this ratio: a worse level, CRITICAL or
     * worse (repeats, liquidation), a value on a threshold, or a clear recovery.
     */
    boolean crossNeedsAttention(double ratio, byte held) {
        if (Double.isNaN(ratio)) {
            return false;
        }
        byte measured = crossLevelOf(ratio);
        if (measured > held || measured >= 3 || nearCrossThreshold(ratio)) {
            return true;
        }
        return measured < held && releasedCross(ratio) < held;
    }

    /**
     * The joint-move distance at or under which a cross pool is at {@code level} (1 WARNING, 2 DANGER,
     * 3 CRITICAL): the isolated distances, without any odds trigger.
     */
    double poolDistance(int level) {
        return level == 1 ? isoWarning : level == 2 ? isoDanger : isoCritical;
    }

    byte releasedCross(double ratio) {
        if (ratio <= crossWarning - RATIO_RELEASE) {
            return 0;
        }
        if (ratio <= crossDanger - RATIO_RELEASE) {
            return 1;
        }
        return (byte) (ratio <= crossCritical - RATIO_RELEASE ? 2 : 4);
    }

    boolean nearCrossThreshold(double ratio) {
        return near(ratio, 1) || near(ratio, crossCritical) || near(ratio, crossDanger) || near(ratio, crossWarning);
    }

    private static boolean near(double value, double threshold) {
        return Math.abs(value - threshold) <= 1e-9 * Math.max(1, Math.abs(threshold));
    }
}
