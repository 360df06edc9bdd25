package org.marginsentinel.adapter.telegram.views;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.domain.insight.PoolDistance;

/** A cross pool's survivable move and its odds, in one line for warnings, /risk and /positions. Pure. */
public final class PoolDistanceText {

    private static final double SHOWN_AS_ZERO = 0.00005;

    private PoolDistanceText() {
    }

    /**
     * "📏 Survivable move 0.64% (every cross mark against you at once, each by its volatility) · 24 h odds 80.12%";
     * empty without a distance.
     */
    public static String line(PoolDistance distance) {
        if (distance == null) {
            return "";
        }
        StringBuilder line = new StringBuilder("📏 ");
        if (distance.move() == null) {
            return line.append("No joint move of your cross marks up to +1,000% liquidates the pool").toString();
        }
        if (distance.move().signum() <= 0) {
            return line.append("The pool is at its liquidation").toString();
        }
        line.append("Survivable move ").append(bold(Fmt.percent(distance.move())))
                .append(distance.model().volatilityScaled()
                        ? " (every cross mark against you at once, each by its volatility)"
                        : " (every cross mark against you at once, by the same share)");
        if (distance.odds() != null) {
            line.append(" · 24 h odds ").append(bold(probability(distance.odds().probability())));
        }
        return line.toString();
    }

    /** A probability for humans: "3.51%", "under 0.01%", "100%". */
    public static String probability(double probability) {
        if (probability >= 1) {
            return "100%";
        }
        if (probability < SHOWN_AS_ZERO) {
            return "under 0.01%";
        }
        return Fmt.percent(BigDecimal.valueOf(probability));
    }
}
