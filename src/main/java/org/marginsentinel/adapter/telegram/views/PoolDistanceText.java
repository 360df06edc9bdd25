package org.marginsentinel.adapter.telegram.views;

import java.math.BigDecimal;
import org.marginsentinel.adapter.telegram.i18n.Texts;
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
    public static String line(PoolDistance distance, Texts texts) {
        if (distance == null) {
            return "";
        }
        if (distance.move() == null) {
            return texts.get("poolDistance.noMoveLiquidates");
        }
        if (distance.move().signum() <= 0) {
            return texts.get("poolDistance.atLiquidation");
        }
        String line = texts.get(distance.model().volatilityScaled() ? "poolDistance.byVolatility" : "poolDistance.bySameShare",
                texts.numbers().percent(distance.move()));
        return distance.odds() == null ? line
                : line + texts.get("poolDistance.odds", probability(distance.odds().probability(), texts));
    }

    /** A probability for humans: "3.51%", "under 0.01%", "100%". */
    public static String probability(double probability, Texts texts) {
        if (probability >= 1) {
            return "100%"; // certain: no decimals to suggest a precision the estimate lacks
        }
        if (probability < SHOWN_AS_ZERO) {
            return texts.get("poolDistance.under", texts.numbers().percent(new BigDecimal("0.0001")));
        }
        return texts.numbers().percent(BigDecimal.valueOf(probability));
    }
}
