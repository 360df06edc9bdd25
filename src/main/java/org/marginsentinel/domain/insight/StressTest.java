package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * "What if the market jumps by x% right now?": values the account at shocked marks with the margin engine and
 * says what would be liquidated and lost, then how large a move each position and the pool survives.
 *
 * <p>Rules, as the paper account applies them: an isolated position whose shocked mark reaches its liquidation
 * price loses its isolated margin and nothing else; a cross pool whose margin balance no longer covers its
 * maintenance margin loses the whole cross wallet. An isolated liquidation leaves the cross wallet as it is
 * (the wallet and the isolated margins fall by the same amount), so the two are judged independently.
 */
public final class StressTest {

    /** The pool's survivable move is first looked for in steps this large, then bisected. */
    static final BigDecimal SCAN_STEP = new BigDecimal("0.005");
    private static final BigDecimal COARSE_STEP = new BigDecimal("0.1");
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");
    private static final BigDecimal LARGEST_FALL = new BigDecimal("0.999999");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final MarginCalculator calculator;
    private final MarginAdvice advice;

    public StressTest(MarginCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.advice = new MarginAdvice(calculator);
    }

    /**
     * @param walletBalance the account wallet, isolated margins included
     * @param positions     every open position at its current mark
     */
    public StressReport run(BigDecimal walletBalance, List<PricedPosition> positions, Shock shock) {
        Objects.requireNonNull(walletBalance, "walletBalance");
        Objects.requireNonNull(shock, "shock");
        List<PricedPosition> shocked = new ArrayList<>(positions.size());
        for (PricedPosition priced : positions) {
            shocked.add(new PricedPosition(priced.position(),
                    shock.apply(priced.position().symbol(), priced.markPrice())));
        }
        AccountRisk before = calculator.account(walletBalance, positions);
        AccountRisk after = calculator.account(walletBalance, shocked);
        PoolStress pool = pool(before.cross(), after.cross(), crossOnly(positions), shock);

        List<PositionStress> results = new ArrayList<>(positions.size());
        BigDecimal loss = pool.loss();
        for (int i = 0; i < positions.size(); i++) {
            PositionRisk now = before.positions().get(i);
            PositionRisk then = after.positions().get(i);
            Position position = now.position();
            BigDecimal pnlChange = then.unrealizedPnl().subtract(now.unrealizedPnl());
            if (position.isIsolated()) {
                boolean liquidated = then.liquidatedAtMark();
                BigDecimal valueNow = position.isolatedMargin().add(now.unrealizedPnl());
                BigDecimal valueAfter = liquidated ? BigDecimal.ZERO : position.isolatedMargin().add(then.unrealizedPnl());
                BigDecimal positionLoss = valueNow.subtract(valueAfter);
                loss = loss.add(positionLoss);
                results.add(new PositionStress(position, now.markPrice(), then.markPrice(), liquidated, pnlChange,
                        positionLoss, advice.survivableMove(position, now.markPrice()).orElse(null)));
            } else {
                results.add(new PositionStress(position, now.markPrice(), then.markPrice(), pool.liquidated(),
                        pnlChange, BigDecimal.ZERO, null));
            }
        }
        return new StressReport(shock, results, pool, before.equity(), before.equity().subtract(loss), loss);
    }

    private PoolStress pool(CrossAccountRisk now, CrossAccountRisk then, List<PricedPosition> crossPositions,
                            Shock shock) {
        if (crossPositions.isEmpty()) {
            return new PoolStress(false, now.marginBalance(), now.marginBalance(), then.marginRatio(), false,
                    BigDecimal.ZERO, BigDecimal.ZERO, null);
        }
        boolean liquidated = then.liquidated();
        BigDecimal walletLost = liquidated ? Decimals.max(BigDecimal.ZERO, now.walletBalance()) : BigDecimal.ZERO;
        // After a liquidation the pool is worth what is left of its wallet; otherwise its margin balance.
        BigDecimal valueAfter = liquidated ? now.walletBalance().subtract(walletLost) : then.marginBalance();
        return new PoolStress(true, now.marginBalance(), then.marginBalance(), then.marginRatio(), liquidated,
                walletLost, now.marginBalance().subtract(valueAfter),
                survivableMove(now.walletBalance(), crossPositions, shock));
    }

    /**
     * The largest move x in the shock's direction (marks × (1 ± x) for the shocked symbols) that the pool survives.
     * A pool of longs and shorts need not lose steadily as x grows, so the first liquidating x is found by a scan
     * in {@link #SCAN_STEP} steps (coarser above +100%), then bisected; the answer is on the surviving side.
     */
    BigDecimal survivableMove(BigDecimal crossWallet, List<PricedPosition> crossPositions, Shock shock) {
        if (!survives(crossWallet, crossPositions, shock, BigDecimal.ZERO)) {
            return BigDecimal.ZERO;
        }
        BigDecimal limit = shock.isFall() ? LARGEST_FALL : Shock.LARGEST_RISE;
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = null;
        while (low.compareTo(limit) < 0) {
            BigDecimal step = low.compareTo(BigDecimal.ONE) < 0 ? SCAN_STEP : COARSE_STEP;
            BigDecimal next = Decimals.min(limit, low.add(step));
            if (!survives(crossWallet, crossPositions, shock, next)) {
                high = next;
                break;
            }
            low = next;
        }
        if (high == null) {
            return null;
        }
        while (high.subtract(low).compareTo(TOLERANCE) > 0) {
            BigDecimal middle = low.add(high).divide(TWO).setScale(20, RoundingMode.HALF_EVEN);
            if (survives(crossWallet, crossPositions, shock, middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private boolean survives(BigDecimal crossWallet, List<PricedPosition> crossPositions, Shock shock,
                             BigDecimal size) {
        BigDecimal move = shock.isFall() ? size.negate() : size;
        BigDecimal surplus = crossWallet;
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            BigDecimal mark = shock.moves(position.symbol())
                    ? priced.markPrice().multiply(BigDecimal.ONE.add(move)) : priced.markPrice();
            surplus = surplus.add(position.unrealizedPnl(mark)).subtract(calculator.maintenanceMargin(position, mark));
        }
        // The engine's rule: liquidated when the margin balance is at or under a positive maintenance margin.
        return surplus.signum() > 0 || maintenanceIsZero(crossPositions, shock, move);
    }

    private boolean maintenanceIsZero(List<PricedPosition> crossPositions, Shock shock, BigDecimal move) {
        for (PricedPosition priced : crossPositions) {
            BigDecimal mark = shock.moves(priced.position().symbol())
                    ? priced.markPrice().multiply(BigDecimal.ONE.add(move)) : priced.markPrice();
            if (calculator.maintenanceMargin(priced.position(), mark).signum() > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<PricedPosition> crossOnly(List<PricedPosition> positions) {
        return positions.stream().filter(p -> !p.position().isIsolated()).toList();
    }
}
