package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.domain.margin.Position;

/**
 * One position under a {@link Shock}.
 *
 * @param markAfter      the mark after the shock (unchanged when the shock is for another symbol)
 * @param liquidated     isolated: the shocked mark reaches its liquidation price; cross: the pool is liquidated
 * @param pnlChange      unrealised PnL after minus now (negative is a loss), before any liquidation
 * @param loss           isolated only: what the account's equity loses through this position, now minus after
 *                       (its margin plus current PnL when liquidated); zero for cross positions (the pool
 *                       carries their loss)
 * @param survivableMove isolated only: the largest move against the position it survives, a fraction of the
 *                       mark; empty when no price liquidates it (and always empty for cross positions)
 */
public record PositionStress(Position position, BigDecimal markBefore, BigDecimal markAfter, boolean liquidated,
                             BigDecimal pnlChange, BigDecimal loss, BigDecimal survivableMove) {

    public Optional<BigDecimal> survives() {
        return Optional.ofNullable(survivableMove);
    }

    public boolean shocked() {
        return markAfter.compareTo(markBefore) != 0;
    }
}
