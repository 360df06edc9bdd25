package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.TierTable;

/**
 * One user's open positions as the per-tick screen needs them: liquidation prices of isolated positions
 * (they do not move with the mark) and the cross positions' sizes and entries, all in primitives. The exact
 * positions and wallet are kept for confirmation with decimals. Rebuilt whenever the user's positions,
 * balance or alert settings change; only the tick thread touches the remembered levels.
 */
final class UserBook {

    static final byte NO_LEVEL = -1;
    private static final double DISTANCE_RELEASE = RiskThresholds.DISTANCE_RELEASE_FACTOR.doubleValue();
    private static final double RATIO_RELEASE = RiskThresholds.MARGIN_RATIO_RELEASE_STEP.doubleValue();

    final long userId;
    final BigDecimal walletBalance;
    final List<StoredPosition> positions;
    final RiskThresholds thresholds;

    // isolated positions
    final int[] isolatedIndex;       // index into positions
    final int[] isolatedSymbol;
    final boolean[] isolatedLong;
    final double[] isolatedLiquidation; // NaN: no liquidation price
    final byte[] isolatedLevel;
    /** The WARNING distance per isolated position: the user's, or further out where the odds trigger says so. */
    final double[] isolatedWarning;

    // the cross pool
    final int[] crossSymbol;
    final double[] crossSignedQuantity;
    final double[] crossQuantity;
    final double[] crossEntry;
    final TierCurve[] crossTiers;
    final double crossWallet;
    byte crossLevel;

    private final double isoWarning;
    private final double isoDanger;
    private final double isoCritical;
    private final double crossWarning;
    private final double crossDanger;
    private final double crossCritical;

    UserBook(long userId, BigDecimal walletBalance, List<StoredPosition> positions, RiskThresholds thresholds,
             MarginCalculator calculator, TierTable tiers, SymbolTable symbols, Function<String, TierCurve> curves) {
        this.userId = userId;
        this.walletBalance = walletBalance;
        this.positions = List.copyOf(positions);
        this.thresholds = thresholds;
        int isolated = (int) positions.stream().filter(p -> p.position().isIsolated()).count();
        int cross = positions.size() - isolated;
        isolatedIndex = new int[isolated];
        isolatedSymbol = new int[isolated];
        isolatedLong = new boolean[isolated];
        isolatedLiquidation = new double[isolated];
        isolatedLevel = new byte[isolated];
        isolatedWarning = new double[isolated];
        crossSymbol = new int[cross];
        crossSignedQuantity = new double[cross];
        crossQuantity = new double[cross];
        crossEntry = new double[cross];
        crossTiers = new TierCurve[cross];
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        int i = 0;
        int c = 0;
        for (int p = 0; p < positions.size(); p++) {
            Position position = positions.get(p).position();
            int symbol = symbols.idOf(position.symbol());
            if (position.isIsolated()) {
                isolatedIndex[i] = p;
                isolatedSymbol[i] = symbol;
                isolatedLong[i] = position.side().sign() > 0;
                isolatedLiquidation[i] = calculator.isolatedLiquidationPrice(position)
                        .map(BigDecimal::doubleValue).orElse(Double.NaN);
                isolatedMargins = isolatedMargins.add(position.isolatedMargin());
                i++;
            } else {
                crossSymbol[c] = symbol;
                crossQuantity[c] = position.quantity().doubleValue();
                crossSignedQuantity[c] = position.side().sign() * crossQuantity[c];
                crossEntry[c] = position.entryPrice().doubleValue();
                crossTiers[c] = curves.apply(position.symbol());
                c++;
            }
        }
        crossWallet = walletBalance.subtract(isolatedMargins).doubleValue();
        isoWarning = thresholds.isolatedWarning().doubleValue();
        isoDanger = thresholds.isolatedDanger().doubleValue();
        isoCritical = thresholds.isolatedCritical().doubleValue();
        crossWarning = thresholds.crossWarning().doubleValue();
        crossDanger = thresholds.crossDanger().doubleValue();
        crossCritical = thresholds.crossCritical().doubleValue();
        java.util.Arrays.fill(isolatedWarning, isoWarning);
    }

    /**
     * Makes isolated position {@code slot} enter WARNING at {@code oddsDistance} when that is further out than the
     * user's WARNING distance (NaN: the user's distance only). Only the tick thread calls this.
     */
    void warnFromOdds(int slot, double oddsDistance) {
        isolatedWarning[slot] = Double.isNaN(oddsDistance) ? isoWarning : Math.max(isoWarning, oddsDistance);
    }

    /** True when position {@code slot} warns further out than the user's distance, because of the odds trigger. */
    boolean warnsFromOdds(int slot) {
        return isolatedWarning[slot] > isoWarning;
    }

    boolean hasCross() {
        return crossSymbol.length > 0;
    }

    /**
     * Whether the tick must look at isolated position {@code i} exactly: its level got worse than the held one,
     * recovered clearly below it, is CRITICAL or worse (repeats and liquidations), or sits on a threshold.
     */
    boolean isolatedNeedsAttention(int i, double mark) {
        if (!(mark > 0)) {
            return false;
        }
        double liquidation = isolatedLiquidation[i];
        byte held = isolatedLevel[i];
        if (Double.isNaN(liquidation)) {
            return held != 0;
        }
        // One distance, then plain comparisons: this runs for every isolated position on every tick.
        double distance = isolatedLong[i] ? (mark - liquidation) / mark : (liquidation - mark) / mark;
        double warning = isolatedWarning[i];
        byte measured = distance <= 0 ? 4 : distance <= isoCritical ? 3 : distance <= isoDanger ? 2
                : distance <= warning ? 1 : (byte) 0;
        if (measured > held || measured >= 3) {
            return true;
        }
        if (near(distance, 0) || near(distance, isoCritical) || near(distance, isoDanger) || near(distance, warning)) {
            return true;
        }
        if (measured == held) {
            return false;
        }
        byte released = distance >= warning * DISTANCE_RELEASE ? 0 : distance >= isoDanger * DISTANCE_RELEASE ? 1
                : distance >= isoCritical * DISTANCE_RELEASE ? 2 : (byte) 4;
        return released < held;
    }

    /** Whether the cross pool needs an exact look at this ratio (same rules as isolated positions). */
    boolean crossNeedsAttention(double ratio) {
        if (Double.isNaN(ratio)) {
            return false;
        }
        byte measured = crossLevelOf(ratio);
        if (measured > crossLevel || measured >= 3 || nearCrossThreshold(ratio)) {
            return true;
        }
        return measured < crossLevel && releasedCross(ratio) < crossLevel;
    }

    private byte releasedCross(double ratio) {
        if (ratio <= crossWarning - RATIO_RELEASE) {
            return 0;
        }
        if (ratio <= crossDanger - RATIO_RELEASE) {
            return 1;
        }
        return (byte) (ratio <= crossCritical - RATIO_RELEASE ? 2 : 4);
    }

    /**
     * The cross pool's margin ratio at these marks in primitives; NaN when a mark is missing, +∞ when the
     * pool is gone.
     */
    double screenCrossRatio(double[] marks) {
        double pnl = 0;
        double maintenance = 0;
        for (int c = 0; c < crossSymbol.length; c++) {
            int symbol = crossSymbol[c];
            double mark = symbol < marks.length ? marks[symbol] : Double.NaN;
            if (!(mark > 0)) {
                return Double.NaN;
            }
            pnl += crossSignedQuantity[c] * (mark - crossEntry[c]);
            maintenance += crossTiers[c].maintenanceMargin(crossQuantity[c] * mark);
        }
        double marginBalance = crossWallet + pnl;
        if (marginBalance <= 0) {
            return maintenance > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return maintenance / marginBalance;
    }

    /** Σ maintenance margin of the cross positions at these marks, in primitives. */
    double crossMaintenance(double[] marks) {
        double maintenance = 0;
        for (int c = 0; c < crossSymbol.length; c++) {
            maintenance += crossTiers[c].maintenanceMargin(crossQuantity[c] * marks[crossSymbol[c]]);
        }
        return maintenance;
    }

    double crossMarginBalance(double[] marks) {
        double pnl = 0;
        for (int c = 0; c < crossSymbol.length; c++) {
            pnl += crossSignedQuantity[c] * (marks[crossSymbol[c]] - crossEntry[c]);
        }
        return crossWallet + pnl;
    }

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

    boolean nearCrossThreshold(double ratio) {
        return near(ratio, 1) || near(ratio, crossCritical) || near(ratio, crossDanger) || near(ratio, crossWarning);
    }

    private static boolean near(double value, double threshold) {
        return Math.abs(value - threshold) <= 1e-9 * Math.max(1, Math.abs(threshold));
    }
}
