package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;

/**
 * One position per symbol, as an exchange in one-way mode keeps it: a fill on the same side increases the
 * position at an averaged entry, a fill on the other side reduces it, closes it, or flips it.
 */
public final class OneWayNetting {

    private OneWayNetting() {
    }

    /**
     * @param existing the symbol's current position, or null
     * @param newId    id for a position this fill creates
     */
    public static Netting apply(Position existing, Fill fill, String newId) {
        if (existing == null) {
            return Netting.of(new NettedPosition(open(newId, fill, fill.quantity()), false), BigDecimal.ZERO,
                    BigDecimal.ZERO, Netting.initialMargin(fill.quantity(), fill.price(), fill.leverage()));
        }
        if (!existing.symbol().equals(fill.symbol())) {
            throw new IllegalArgumentException("fill for " + fill.symbol() + " applied to " + existing.symbol());
        }
        if (existing.marginMode() != fill.marginMode()) {
            throw new IllegalArgumentException("margin mode differs from the open position's");
        }
        return existing.side() == fill.side() ? increase(existing, fill) : reduce(existing, fill, newId);
    }

    private static Netting increase(Position existing, Fill fill) {
        BigDecimal quantity = existing.quantity().add(fill.quantity());
        BigDecimal entry = Decimals.divide(existing.entryNotional().add(fill.quantity().multiply(fill.price())), quantity);
        BigDecimal added = Netting.initialMargin(fill.quantity(), fill.price(), fill.leverage());
        BigDecimal isolatedMargin = existing.isIsolated() ? existing.isolatedMargin().add(added) : null;
        Position increased = new Position(existing.id(), existing.symbol(), existing.side(), quantity, entry,
                fill.leverage(), existing.marginMode(), isolatedMargin);
        return Netting.of(new NettedPosition(increased, true), BigDecimal.ZERO, BigDecimal.ZERO, added);
    }

    private static Netting reduce(Position existing, Fill fill, String newId) {
        BigDecimal closed = existing.quantity().min(fill.quantity());
        BigDecimal pnl = existing.side().signDecimal().multiply(closed).multiply(fill.price().subtract(existing.entryPrice()));
        BigDecimal releasedMargin = null;
        if (existing.isIsolated()) {
            releasedMargin = Decimals.divide(existing.isolatedMargin().multiply(closed), existing.quantity());
            pnl = pnl.max(releasedMargin.negate());
        }
        int comparison = fill.quantity().compareTo(existing.quantity());
        if (comparison < 0) {
            BigDecimal remaining = existing.quantity().subtract(closed);
            Position reduced = new Position(existing.id(), existing.symbol(), existing.side(), remaining,
                    existing.entryPrice(), existing.leverage(), existing.marginMode(),
                    existing.isIsolated() ? existing.isolatedMargin().subtract(releasedMargin) : null);
            return Netting.of(new NettedPosition(reduced, true), closed, pnl, BigDecimal.ZERO);
        }
        if (comparison == 0) {
            return Netting.of(null, closed, pnl, BigDecimal.ZERO);
        }
        BigDecimal flipped = fill.quantity().subtract(existing.quantity());
        return Netting.of(new NettedPosition(open(newId, fill, flipped), false), closed, pnl,
                Netting.initialMargin(flipped, fill.price(), fill.leverage()));
    }

    private static Position open(String id, Fill fill, BigDecimal quantity) {
        return new Position(id, fill.symbol(), fill.side(), quantity, fill.price(), fill.leverage(),
                fill.marginMode(), fill.marginMode() == MarginMode.ISOLATED
                ? Netting.initialMargin(quantity, fill.price(), fill.leverage()) : null);
    }
}
