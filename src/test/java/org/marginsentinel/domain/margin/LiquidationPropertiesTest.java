package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.Seeds;

/**
 * Invariants of the engine over many generated positions and accounts: {@value #SEEDS} fixed seeds per property
 * in one test each ({@link Seeds}: a failure names the seed that reproduces it). A property that applies to some
 * cases only (a position that has a liquidation price, a live pool) requires a minimum of seeds it applied to.
 */
class LiquidationPropertiesTest {

    static final int SEEDS = 400;

    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-9");
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT", "NEWUSDT");
    private static final TierTable TIERS = TierTable.shippedDefaults();
    private final MarginCalculator calculator = new MarginCalculator(TIERS);

    @Test
    void isolated_atTheLiquidationPrice_marginBalanceEqualsMaintenanceMargin() {
        Seeds.check(SEEDS, 380, seed -> { // counted: positions with a liquidation price (398 of 400)
            Position position = randomIsolated(new Random(seed));

            Optional<BigDecimal> liquidation = calculator.isolatedLiquidationPrice(position);
            liquidation.ifPresent(price -> {
                PositionRisk risk = calculator.isolated(position, price);
                BigDecimal marginBalance = position.isolatedMargin().add(risk.unrealizedPnl());
                assertClose(marginBalance, risk.maintenanceMargin(), "seed " + seed);
            });
            return liquidation.isPresent();
        });
    }

    @Test
    void isolated_lossAtLiquidation_neverExceedsTheIsolatedMargin() {
        Seeds.check(SEEDS, 380, seed -> { // counted: positions with a liquidation price (398 of 400)
            Position position = randomIsolated(new Random(seed));

            Optional<BigDecimal> liquidation = calculator.isolatedLiquidationPrice(position);
            liquidation.ifPresent(price -> assertThat(position.unrealizedPnl(price).negate())
                    .as("seed %d", seed).isLessThanOrEqualTo(position.isolatedMargin()));
            return liquidation.isPresent();
        });
    }

    @Test
    void isolated_moreLeverage_neverMovesTheLiquidationPriceAwayFromEntry() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            Position low = randomIsolated(random);
            int lowLeverage = 1 + random.nextInt(60);
            int highLeverage = lowLeverage + 1 + random.nextInt(125 - lowLeverage);
            Position lower = Position.isolated("a", low.symbol(), low.side(), low.quantity(), low.entryPrice(), lowLeverage);
            Position higher = Position.isolated("b", low.symbol(), low.side(), low.quantity(), low.entryPrice(), highLeverage);

            // Signed: a long's liquidation price only rises with leverage (possibly past entry when the
            // margin no longer covers maintenance), a short's only falls. "None" counts as the farthest.
            BigDecimal lowPrice = calculator.isolatedLiquidationPrice(lower).orElse(BigDecimal.ZERO);
            BigDecimal highPrice = calculator.isolatedLiquidationPrice(higher).orElse(BigDecimal.ZERO);
            if (low.side() == Side.LONG) {
                assertThat(highPrice).as("seed %d: x%d vs x%d", seed, highLeverage, lowLeverage)
                        .isGreaterThanOrEqualTo(lowPrice);
            } else {
                assertThat(highPrice).as("seed %d: x%d vs x%d", seed, highLeverage, lowLeverage)
                        .isLessThanOrEqualTo(lowPrice);
            }
            return true;
        });
    }

    @Test
    void isolated_addingMargin_movesTheLiquidationPriceAwayFromEntry() {
        Seeds.check(SEEDS, 380, seed -> { // counted: positions with a liquidation price (398 of 400)
            Random random = new Random(seed);
            Position position = randomIsolated(random);
            BigDecimal added = position.isolatedMargin().multiply(BigDecimal.valueOf(1 + random.nextInt(50)))
                    .divide(BigDecimal.valueOf(100), 8, RoundingMode.HALF_EVEN);

            BigDecimal before = calculator.isolatedLiquidationPrice(position).orElse(null);
            MarginChange change = calculator.addMargin(position, added);

            if (before == null) {
                return false; // no liquidation price to move
            }
            BigDecimal after = change.liquidationPrice();
            if (position.side() == Side.LONG) {
                assertThat(after == null || after.compareTo(before) < 0).as("seed %d", seed).isTrue();
            } else {
                assertThat(after).as("seed %d", seed).isGreaterThan(before);
            }
            return true;
        });
    }

    @Test
    void pnl_longAndShortOfTheSameTrade_areOpposite() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            Position long_ = randomIsolated(random);
            Position short_ = Position.isolated("s", long_.symbol(), long_.side().opposite(), long_.quantity(),
                    long_.entryPrice(), long_.leverage());
            BigDecimal mark = randomPrice(random);

            assertThat(long_.unrealizedPnl(mark).add(short_.unrealizedPnl(mark))).isEqualByComparingTo("0");
            return true;
        });
    }

    @Test
    void cross_atEachSymbolsLiquidationPrice_marginBalanceEqualsMaintenanceMargin() {
        Seeds.check(SEEDS, 300, seed -> { // counted: books with at least one liquidation price (332 of 400)
            Random random = new Random(seed);
            List<PricedPosition> positions = randomCrossBook(random);
            BigDecimal wallet = BigDecimal.valueOf(100 + random.nextInt(50_000));

            CrossAccountRisk cross = calculator.cross(wallet, positions);

            cross.liquidationPrices().forEach((symbol, liquidation) -> {
                List<PricedPosition> moved = new ArrayList<>();
                for (PricedPosition priced : positions) {
                    moved.add(priced.position().symbol().equals(symbol)
                            ? new PricedPosition(priced.position(), liquidation) : priced);
                }
                CrossAccountRisk there = calculator.cross(wallet, moved);
                assertClose(there.marginBalance(), there.maintenanceMargin(), "seed " + seed + " " + symbol);
            });
            return !cross.liquidationPrices().isEmpty();
        });
    }

    @Test
    void cross_moreWallet_neverBringsTheLiquidationPriceCloser() {
        Seeds.check(SEEDS, 300, seed -> { // counted: live pools with a liquidation price both times (343 of 400)
            Random random = new Random(seed);
            List<PricedPosition> positions = randomCrossBook(random);
            // a live pool: margin balance from just above the maintenance margin to 50 times it
            CrossAccountRisk atZero = calculator.cross(BigDecimal.ZERO, positions);
            BigDecimal wallet = atZero.maintenanceMargin().multiply(BigDecimal.valueOf(1.01 + 49 * random.nextDouble()))
                    .subtract(atZero.unrealizedPnl()).setScale(2, RoundingMode.UP).max(BigDecimal.ZERO);

            CrossAccountRisk poorer = calculator.cross(wallet, positions);
            CrossAccountRisk richer = calculator.cross(wallet.add(BigDecimal.valueOf(1000)), positions);

            boolean compared = false;
            for (PricedPosition priced : positions) {
                String symbol = priced.position().symbol();
                BigDecimal mark = priced.markPrice();
                BigDecimal poorerDistance = poorer.liquidationPrice(symbol).map(p -> p.subtract(mark).abs()).orElse(null);
                BigDecimal richerDistance = richer.liquidationPrice(symbol).map(p -> p.subtract(mark).abs()).orElse(null);
                if (poorerDistance != null && richerDistance != null && poorer.marginBalance().compareTo(poorer.maintenanceMargin()) > 0) {
                    assertThat(richerDistance).as("seed %d %s", seed, symbol).isGreaterThanOrEqualTo(poorerDistance);
                    compared = true;
                }
            }
            return compared;
        });
    }

    private static void assertClose(BigDecimal actual, BigDecimal expected, String description) {
        BigDecimal scale = expected.abs().max(BigDecimal.ONE);
        BigDecimal error = actual.subtract(expected).abs().divide(scale, Decimals.MATH);
        assertThat(error).as(description + ": " + actual + " vs " + expected).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    private static Position randomIsolated(Random random) {
        String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
        BigDecimal entry = randomPrice(random);
        // notional from 10 USDT to 50 million USDT, so positions cross several tiers
        BigDecimal notional = BigDecimal.TEN.multiply(BigDecimal.valueOf(Math.pow(10, random.nextDouble() * 6.7)))
                .setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal quantity = notional.divide(entry, 8, RoundingMode.HALF_EVEN).max(new BigDecimal("0.00000001"));
        int leverage = 1 + random.nextInt(125);
        Position position = Position.isolated("p", symbol, side, quantity, entry, leverage);
        if (random.nextInt(3) == 0) {
            BigDecimal extra = position.isolatedMargin().multiply(BigDecimal.valueOf(random.nextInt(200)))
                    .divide(BigDecimal.valueOf(100), 8, RoundingMode.HALF_EVEN);
            position = position.withIsolatedMargin(position.isolatedMargin().add(extra));
        }
        return position;
    }

    private static List<PricedPosition> randomCrossBook(Random random) {
        List<PricedPosition> positions = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        List<String> symbols = SYMBOLS.subList(0, 1 + random.nextInt(3));
        for (int i = 0; i < count; i++) {
            String symbol = symbols.get(random.nextInt(symbols.size()));
            BigDecimal entry = randomPrice(random);
            BigDecimal mark = entry.multiply(BigDecimal.valueOf(0.8 + 0.4 * random.nextDouble()))
                    .setScale(4, RoundingMode.HALF_EVEN);
            BigDecimal notional = BigDecimal.valueOf(50 + random.nextInt(2_000_000));
            BigDecimal quantity = notional.divide(entry, 6, RoundingMode.HALF_EVEN).max(new BigDecimal("0.000001"));
            Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
            // one mark per symbol, as a price feed gives
            for (PricedPosition existing : positions) {
                if (existing.position().symbol().equals(symbol)) {
                    mark = existing.markPrice();
                }
            }
            positions.add(new PricedPosition(
                    Position.cross("c" + i, symbol, side, quantity, entry, 1 + random.nextInt(125)), mark));
        }
        return positions;
    }

    private static BigDecimal randomPrice(Random random) {
        return BigDecimal.valueOf(Math.pow(10, -3 + random.nextDouble() * 8)).setScale(6, RoundingMode.HALF_EVEN)
                .max(new BigDecimal("0.000001"));
    }
}
