package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.Seeds;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginChange;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

/**
 * The advice, applied the way a user would apply it, does what it promises, over random positions and books
 * with the shipped tiers (sizes from 10 USDT to 50 million USDT, so targets fall in other tiers than the mark).
 * {@value #SEEDS} fixed seeds per property ({@link Seeds}); each property requires a minimum of seeds on which
 * its advice was actually given.
 */
class MarginAdvicePropertiesTest {

    private static final BigDecimal EXACT = new BigDecimal("1e-9");
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "NEWUSDT");
    private final MarginCalculator calculator = new MarginCalculator(TierTable.shippedDefaults());
    private final MarginAdvice advice = new MarginAdvice(calculator);

    static final int SEEDS = 200;

    @Test
    void marginToAdd_addedWithTheEngine_putsTheLiquidationPriceAtTheTarget() {
        Seeds.check(SEEDS, 150, seed -> { // counted: the seeds where margin had to be added (176 of 200)
            Random random = new Random(seed);
            Position position = randomIsolated(random);
            BigDecimal mark = near(position.entryPrice(), random);
            BigDecimal target = BigDecimal.valueOf(1 + random.nextInt(50), 2);

            IsolatedMarginAdvice result = advice.marginToAdd(position, mark, target);

            if (result.needed()) {
                MarginChange change = calculator.addMargin(position, result.marginToAdd());
                assertThat(calculator.isolated(change.position(), mark).distanceToLiquidation())
                        .as("seed %d", seed).isCloseTo(target, within(EXACT));
            } else {
                BigDecimal distance = calculator.isolated(position, mark).distanceToLiquidation();
                if (distance != null) {
                    assertThat(distance).as("seed %d", seed).isGreaterThanOrEqualTo(target.subtract(EXACT));
                }
            }
            return result.needed();
        });
    }

    @Test
    void crossRelief_closingTheShare_reachesTheTargetAndNoSmallerShareDoes() {
        Seeds.check(SEEDS, 140, seed -> { // counted: the seeds that advised closing a share (164 of 200)
            Random random = new Random(seed);
            List<PricedPosition> book = randomCrossBook(random);
            BigDecimal target = BigDecimal.valueOf(10 + random.nextInt(80), 2);
            // mostly a pool between the target and liquidation, sometimes one already under the target
            BigDecimal ratio = random.nextInt(5) == 0 ? target.multiply(new BigDecimal("0.9"))
                    : target.add(BigDecimal.ONE.subtract(target).multiply(BigDecimal.valueOf(0.05 + 0.9 * random.nextDouble())));
            BigDecimal wallet = walletForRatio(book, ratio);

            CrossMarginAdvice relief = advice.crossRelief(wallet, book, target);

            if (!relief.needed()) {
                assertThat(calculator.cross(wallet, book).marginRatio()).as("seed %d", seed).isLessThanOrEqualTo(target);
                return false;
            }
            assertThat(MarginAdviceTest.ratioAfterDeposit(calculator, wallet, book, relief.depositNeeded()))
                    .as("seed %d deposit", seed).isCloseTo(target, within(EXACT));
            relief.closeFraction().ifPresent(fraction -> {
                assertThat(MarginAdviceTest.ratioAfterClosing(calculator, wallet, book, fraction))
                        .as("seed %d close %s", seed, fraction).isLessThanOrEqualTo(target);
                BigDecimal smaller = fraction.subtract(new BigDecimal("1e-12"));
                if (smaller.signum() > 0) {
                    assertThat(MarginAdviceTest.ratioAfterClosing(calculator, wallet, book, smaller))
                            .as("seed %d close %s", seed, smaller).isGreaterThan(target);
                }
            });
            return relief.closeFraction().isPresent();
        });
    }

    @Test
    void survivableMove_cross_isTheEdgeBetweenSurvivingAndLiquidation() {
        Seeds.check(SEEDS, 150, seed -> { // counted: a live pool and a move it survives (176 of 200)
            Random random = new Random(seed);
            List<PricedPosition> book = randomCrossBook(random);
            // mostly a live pool at any ratio, sometimes one past liquidation
            BigDecimal wallet = walletForRatio(book, BigDecimal.valueOf(random.nextInt(8) == 0 ? 1.2 : 0.02 + 0.97 * random.nextDouble()));

            Optional<BigDecimal> survivable = advice.survivableMove(wallet, book);
            survivable.ifPresent(move -> {
                if (move.signum() == 0) {
                    assertThat(calculator.cross(wallet, book).liquidated()).as("seed %d", seed).isTrue();
                    return;
                }
                BigDecimal step = new BigDecimal("1e-9");
                assertThat(movedBy(wallet, book, move.subtract(step)).liquidated()).as("seed %d before", seed).isFalse();
                assertThat(movedBy(wallet, book, move.add(step)).liquidated()).as("seed %d after", seed).isTrue();
            });
            return survivable.filter(move -> move.signum() != 0).isPresent();
        });
    }

    /** The cross wallet that gives the book {@code marginRatio}: MM / ratio − UPNL. */
    private BigDecimal walletForRatio(List<PricedPosition> book, BigDecimal marginRatio) {
        CrossAccountRisk atZero = calculator.cross(BigDecimal.ZERO, book);
        return atZero.maintenanceMargin().divide(marginRatio, org.marginsentinel.domain.margin.Decimals.MATH)
                .subtract(atZero.unrealizedPnl()).setScale(2, RoundingMode.HALF_EVEN);
    }

    private CrossAccountRisk movedBy(BigDecimal wallet, List<PricedPosition> book, BigDecimal move) {
        List<PricedPosition> moved = new ArrayList<>();
        for (PricedPosition priced : book) {
            BigDecimal factor = BigDecimal.ONE.subtract(priced.position().side().signDecimal().multiply(move));
            BigDecimal price = priced.markPrice().multiply(factor).max(new BigDecimal("1e-30"));
            moved.add(new PricedPosition(priced.position(), price));
        }
        return calculator.cross(wallet, moved);
    }

    private static Position randomIsolated(Random random) {
        String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
        BigDecimal entry = randomPrice(random);
        BigDecimal quantity = randomNotional(random).divide(entry, 8, RoundingMode.HALF_EVEN)
                .max(new BigDecimal("0.00000001"));
        return Position.isolated("p", symbol, side, quantity, entry, 1 + random.nextInt(125));
    }

    private static List<PricedPosition> randomCrossBook(Random random) {
        List<PricedPosition> book = new ArrayList<>();
        List<String> symbols = new ArrayList<>(SYMBOLS);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            // one-way mode: one position per symbol
            String symbol = symbols.remove(random.nextInt(symbols.size()));
            BigDecimal entry = randomPrice(random);
            BigDecimal quantity = randomNotional(random).divide(entry, 6, RoundingMode.HALF_EVEN)
                    .max(new BigDecimal("0.000001"));
            Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
            book.add(new PricedPosition(Position.cross("c" + i, symbol, side, quantity, entry, 1 + random.nextInt(125)),
                    near(entry, random)));
        }
        return book;
    }

    private static BigDecimal near(BigDecimal price, Random random) {
        return price.multiply(BigDecimal.valueOf(0.85 + 0.3 * random.nextDouble())).setScale(8, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal randomNotional(Random random) {
        return BigDecimal.TEN.multiply(BigDecimal.valueOf(Math.pow(10, random.nextDouble() * 6.7)))
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal randomPrice(Random random) {
        return BigDecimal.valueOf(Math.pow(10, -3 + random.nextDouble() * 8)).setScale(6, RoundingMode.HALF_EVEN)
                .max(new BigDecimal("0.000001"));
    }
}
