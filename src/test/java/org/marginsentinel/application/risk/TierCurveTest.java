package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

/**
 * The screen's liquidation prices in doubles agree with the exact engine far inside the screen's margin, or
 * step aside (NaN) so the exact engine is asked: over random isolated positions in every tier of the shipped
 * schedules, long and short, from 1x to 125x, with margin added.
 */
class TierCurveTest {

    private final TierTable tiers = TierTable.shippedDefaults();
    private final MarginCalculator calculator = new MarginCalculator(tiers);

    @Test
    void doubleLiquidationPrices_matchTheExactEngine_orStepAside() {
        Random random = new Random(20261129);
        List<String> symbols = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT", "XYZUSDT");
        int solved = 0;
        int total = 20_000;
        for (int i = 0; i < total; i++) {
            String symbol = symbols.get(random.nextInt(symbols.size()));
            Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
            BigDecimal entry = BigDecimal.valueOf(Math.pow(10, -3 + 8 * random.nextDouble())).setScale(6,
                    java.math.RoundingMode.HALF_UP).max(new BigDecimal("0.000001"));
            // notionals from 1 USDT to 500 million, so every tier of every schedule is reached
            BigDecimal quantity = BigDecimal.valueOf(Math.pow(10, 8.7 * random.nextDouble()))
                    .divide(entry, 8, java.math.RoundingMode.HALF_UP).max(new BigDecimal("0.00000001"));
            int leverage = 1 + random.nextInt(125);
            BigDecimal margin = quantity.multiply(entry).divide(BigDecimal.valueOf(leverage), 18,
                    java.math.RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(1 + random.nextInt(3) * random.nextDouble()));
            Position position = new Position("p" + i, symbol, side, quantity, entry, leverage, MarginMode.ISOLATED,
                    margin);

            double fast = new TierCurve(tiers.scheduleFor(symbol)).isolatedLiquidation(side == Side.LONG,
                    quantity.doubleValue(), entry.doubleValue(), margin.doubleValue());
            Optional<BigDecimal> exact = calculator.isolatedLiquidationPrice(position);
            if (Double.isNaN(fast)) {
                continue; // the exact engine answers for this one
            }
            solved++;
            assertThat(exact).as("exact liquidation price of %s", position).isPresent();
            double expected = exact.get().doubleValue();
            assertThat(Math.abs(fast - expected) / expected).as("%s", position).isLessThan(1e-12);
        }
        // Nearly every position is solved in doubles, else the start-up gains nothing.
        assertThat(solved).isGreaterThan(total * 9 / 10);
    }
}
