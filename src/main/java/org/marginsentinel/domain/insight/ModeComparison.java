package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * The same positions under isolated and under cross margin, side by side, valued by the margin engine.
 *
 * <p>Isolated: each position keeps its isolated margin (a cross position gets its initial margin, entry notional
 * / leverage); the most it can lose is that margin, so the worst case for the account is their sum. Cross: every
 * position shares the whole wallet; its liquidation price assumes every other mark stays put, and the worst case
 * is the whole wallet.
 *
 * @param rows                  one per position, in the order given
 * @param isolatedWorstCase     Σ isolated margins: all of them liquidated
 * @param crossWorstCase        the whole wallet, which a cross liquidation takes
 */
public record ModeComparison(List<Row> rows, BigDecimal walletBalance, BigDecimal isolatedWorstCase,
                             BigDecimal crossWorstCase) {

    /**
     * @param liquidationIsolated null when no price liquidates it in isolated mode
     * @param liquidationCross    null when no price liquidates the pool through this symbol
     */
    public record Row(Position position, BigDecimal markPrice, BigDecimal isolatedMargin,
                      BigDecimal liquidationIsolated, BigDecimal liquidationCross) {

        /** |mark − liquidation| / mark, or null without a liquidation price. */
        public BigDecimal distanceIsolated() {
            return distance(liquidationIsolated);
        }

        public BigDecimal distanceCross() {
            return distance(liquidationCross);
        }

        private BigDecimal distance(BigDecimal liquidation) {
            return liquidation == null ? null : Decimals.divide(markPrice.subtract(liquidation).abs(), markPrice);
        }
    }

    public ModeComparison {
        rows = List.copyOf(rows);
    }

    /** True when the wallet cannot back every position with its own isolated margin. */
    public boolean isolatedUnaffordable() {
        return isolatedWorstCase.compareTo(walletBalance) > 0;
    }

    /** Compares the two modes for these positions and this account wallet (isolated margins included). */
    public static ModeComparison of(MarginCalculator calculator, BigDecimal walletBalance,
                                    List<PricedPosition> positions) {
        Objects.requireNonNull(calculator, "calculator");
        Objects.requireNonNull(walletBalance, "walletBalance");
        List<PricedPosition> allCross = new ArrayList<>(positions.size());
        List<Position> allIsolated = new ArrayList<>(positions.size());
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        for (PricedPosition priced : positions) {
            Position position = priced.position();
            Position isolated = position.isIsolated() ? position
                    : new Position(position.id(), position.symbol(), position.side(), position.quantity(),
                    position.entryPrice(), position.leverage(), MarginMode.ISOLATED, position.initialMargin());
            allIsolated.add(isolated);
            isolatedMargins = isolatedMargins.add(isolated.isolatedMargin());
            allCross.add(new PricedPosition(new Position(position.id(), position.symbol(), position.side(),
                    position.quantity(), position.entryPrice(), position.leverage(), MarginMode.CROSS, null),
                    priced.markPrice()));
        }
        AccountRisk cross = calculator.account(walletBalance, allCross);
        List<Row> rows = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            Position isolated = allIsolated.get(i);
            rows.add(new Row(positions.get(i).position(), positions.get(i).markPrice(), isolated.isolatedMargin(),
                    calculator.isolated(isolated, positions.get(i).markPrice()).liquidationPrice(),
                    cross.cross().liquidationPrice(isolated.symbol()).orElse(null)));
        }
        return new ModeComparison(rows, walletBalance, isolatedMargins, Decimals.max(BigDecimal.ZERO, walletBalance));
    }
}
