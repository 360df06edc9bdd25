package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.Seeds;

/**
 * Random accounts (a cross position and isolated ones) taken through random mark moves and margin moves, each
 * asking for a random amount and, when refused, for exactly the most allowed. Whatever the rules let through,
 * the cross wallet never goes negative, and no move itself brings a position to its liquidation. {@value #SEEDS}
 * fixed seeds in one test ({@link Seeds}: a failure names the seed); a seed counts when some move went through.
 */
class MarginMovesPropertiesTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT");
    private static final TierTable TIERS = TierTable.shippedDefaults();
    private final MarginCalculator calculator = new MarginCalculator(TIERS);

    static final int SEEDS = 300;

    @Test
    void marginMovesAndWithdrawals_neverTakeTheWalletNegative_norLiquidateAPosition() {
        Seeds.check(SEEDS, 290, this::randomAccountMoves); // counted: some move went through (300 of 300)
    }

    /** Whether some margin move or withdrawal went through on this seed's account. */
    private boolean randomAccountMoves(long seed) {
        Random random = new Random(seed);
        boolean moved = false;
        BigDecimal wallet = money(random, 500, 20_000);
        List<Position> isolated = new ArrayList<>();
        List<BigDecimal> marks = new ArrayList<>();
        BigDecimal isolatedTotal = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            Position position = randomPosition(random, "i" + i, MarginMode.ISOLATED);
            if (isolatedTotal.add(position.isolatedMargin()).compareTo(wallet.multiply(new BigDecimal("0.6"))) < 0) {
                isolated.add(position);
                isolatedTotal = isolatedTotal.add(position.isolatedMargin());
                marks.add(position.entryPrice());
            }
        }
        Position cross = randomPosition(random, "c", MarginMode.CROSS);
        BigDecimal crossMark = cross.entryPrice();

        for (int step = 0; step < 40; step++) {
            int action = random.nextInt(4);
            String where = "seed " + seed + " step " + step;
            if (action == 0) { // marks move up to ±8 %
                crossMark = move(random, crossMark);
                for (int i = 0; i < marks.size(); i++) {
                    marks.set(i, move(random, marks.get(i)));
                }
                continue;
            }
            CrossAccountRisk pool = pool(wallet, isolated, cross, crossMark);
            if (pool.liquidated()) {
                return moved; // a liquidation's loss may take the wallet down: not what this property is about
            }
            if (action == 1 && !isolated.isEmpty()) { // add to an isolated position
                int i = random.nextInt(isolated.size());
                MarginAllowance addable = calculator.addableMargin(pool);
                BigDecimal amount = request(random, addable);
                if (amount.signum() > 0 && addable.allows(amount)) {
                    isolated.set(i, calculator.addMargin(isolated.get(i), amount).position());
                    moved = true;
                }
            } else if (action == 2 && !isolated.isEmpty()) { // remove from one
                int i = random.nextInt(isolated.size());
                Position before = isolated.get(i);
                BigDecimal amount = request(random, calculator.removableMargin(before, marks.get(i)));
                MarginChange change = calculator.removeMargin(before, marks.get(i), amount);
                if (change.accepted()) {
                    isolated.set(i, change.position());
                    moved = true;
                    PositionRisk after = calculator.isolated(change.position(), marks.get(i));
                    assertThat(after.liquidatedAtMark()).as(where + ": removal liquidates").isFalse();
                    BigDecimal initialAtMark = Decimals.divide(before.notionalAt(marks.get(i)),
                            BigDecimal.valueOf(before.leverage()));
                    assertThat(change.position().isolatedMargin().add(after.unrealizedPnl()))
                            .as(where + ": initial margin at the mark kept").isGreaterThanOrEqualTo(initialAtMark);
                }
            } else if (action == 3) { // withdraw
                MarginAllowance withdrawable = calculator.withdrawable(pool);
                BigDecimal amount = request(random, withdrawable);
                if (amount.signum() > 0 && withdrawable.allows(amount)) {
                    wallet = wallet.subtract(amount);
                    moved = true;
                    CrossAccountRisk after = pool(wallet, isolated, cross, crossMark);
                    assertThat(after.liquidated()).as(where + ": withdrawal liquidates the pool").isFalse();
                }
            }
            BigDecimal crossWallet = pool(wallet, isolated, cross, crossMark).walletBalance();
            assertThat(crossWallet).as(where + ": cross wallet").isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        return moved;
    }

    private CrossAccountRisk pool(BigDecimal wallet, List<Position> isolated, Position cross, BigDecimal crossMark) {
        BigDecimal crossWallet = wallet;
        for (Position position : isolated) {
            crossWallet = crossWallet.subtract(position.isolatedMargin());
        }
        return calculator.cross(crossWallet, List.of(new PricedPosition(cross, crossMark)));
    }

    /** Half the time a random amount (often too much), half the time exactly the allowance. */
    private static BigDecimal request(Random random, MarginAllowance allowance) {
        if (random.nextBoolean()) {
            return allowance.most();
        }
        return allowance.most().multiply(BigDecimal.valueOf(random.nextDouble() * 2)).setScale(2, RoundingMode.DOWN)
                .max(new BigDecimal("0.01"));
    }

    private static Position randomPosition(Random random, String id, MarginMode mode) {
        String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        BigDecimal entry = money(random, 1, 90_000);
        int leverage = 1 + random.nextInt(50);
        BigDecimal notional = money(random, 50, 20_000);
        BigDecimal quantity = Decimals.divide(notional, entry).setScale(8, RoundingMode.DOWN).max(new BigDecimal("0.00000001"));
        Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
        return new Position(id, symbol, side, quantity, entry, leverage, mode, null);
    }

    private static BigDecimal move(Random random, BigDecimal mark) {
        double factor = 1 + (random.nextDouble() - 0.5) * 0.16;
        return mark.multiply(BigDecimal.valueOf(factor)).setScale(8, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(Random random, int low, int high) {
        return BigDecimal.valueOf(low + random.nextDouble() * (high - low)).setScale(2, RoundingMode.HALF_EVEN);
    }
}
