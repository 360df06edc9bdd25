package org.marginsentinel.domain.insight;

import java.time.Duration;
import java.util.Objects;

/**
 * How likely the mark is to touch a liquidation price within a horizon.
 *
 * @param probability in [0, 1]; 1 when the mark is already at or past the liquidation price
 * @param volUnits    the distance to liquidation in daily-volatility units: |ln(L / S)| / σ_daily
 *                    (0 at or past liquidation; +∞ when the volatility is zero)
 * @param horizon     the time window the probability is for
 */
public record OddsEstimate(double probability, double volUnits, Duration horizon) {

    public OddsEstimate {
        Objects.requireNonNull(horizon, "horizon");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        if (Double.isNaN(volUnits) || volUnits < 0) {
            throw new IllegalArgumentException("volUnits must not be negative: " + volUnits);
        }
    }
}
