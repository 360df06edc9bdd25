package org.marginsentinel.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.LotSizes;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.market.Symbols;
import org.marginsentinel.domain.paper.LotSize;

/**
 * Paper order sizes the exchange would fill: on the symbol's lot step and not below its smallest order, when its
 * instrument list names them ({@link LotSizes}). Conservative: a size bought for a sum in USDT is rounded down to the
 * step (never spending more than asked), and a size typed off the step is refused with the nearest accepted ones,
 * never changed behind the trader's back. Without a known lot size, sizes are taken as given.
 */
final class OrderSizing {

    /** Decimals a USDT sum is turned into coins with when the symbol's step is unknown (as paper trading always did). */
    private static final int UNKNOWN_STEP_DECIMALS = 8;

    private final LotSizes lotSizes;

    OrderSizing(LotSizes lotSizes) {
        this.lotSizes = lotSizes;
    }

    /** The quantity {@code order} fills at {@code entry}: its size, or its USDT notional in coins. */
    BigDecimal openQuantity(OpenOrder order, BigDecimal entry) {
        String symbol = order.symbol();
        Optional<LotSize> lot = lotSizes.of(symbol);
        if (order.quantity() != null) {
            lot.ifPresent(l -> requireAccepted(symbol, order.quantity(), l, entry));
            return order.quantity();
        }
        if (lot.isEmpty()) {
            return order.quoteNotional().divide(entry, UNKNOWN_STEP_DECIMALS, RoundingMode.DOWN);
        }
        BigDecimal coins = lot.get().floor(order.quoteNotional().divide(entry, 18, RoundingMode.DOWN));
        BigDecimal smallest = lot.get().smallest();
        if (coins.compareTo(smallest) < 0) {
            throw CommandRejected.text("refusals.trading.notionalBelowLot.refused", Figure.usdt(order.quoteNotional()),
                    symbol, Figure.quantity(symbol, smallest), Symbols.base(symbol),
                    Figure.usdt(smallest.multiply(entry)), Figure.price(symbol, entry));
        }
        return coins;
    }

    /**
     * Refuses an order that opens, adds or flips and is worth less at {@code entry} than the symbol's minimum order
     * value (Binance's MIN_NOTIONAL). An order that only reduces {@code held} (the symbol's open position, or null) is
     * exempt, as Binance's reduce-only orders are: a trader must always be able to cut a loss.
     */
    void requireMinimumValue(OpenOrder order, BigDecimal quantity, BigDecimal entry, Position held) {
        String symbol = order.symbol();
        Optional<LotSize> lot = lotSizes.of(symbol);
        boolean onlyReduces = held != null && held.side() != order.side() && quantity.compareTo(held.quantity()) <= 0;
        if (lot.isEmpty() || onlyReduces || !lot.get().isWorthLessThanMinimum(quantity, entry)) {
            return;
        }
        BigDecimal enough = lot.get().smallestWorthMinimumAt(entry);
        // {0} symbol, {1} base, {2} quantity, {3} entry, {4} its value, {5} the minimum value, {6}/{7} the smallest size
        // worth it and its value; a USDT sum adds itself as {8}
        List<Object> args = new ArrayList<>(List.of(symbol, Symbols.base(symbol), Figure.quantity(symbol, quantity),
                Figure.price(symbol, entry), Figure.usdt(quantity.multiply(entry)), Figure.usdt(lot.get().minNotional()),
                Figure.quantity(symbol, enough), Figure.usdt(enough.multiply(entry))));
        if (order.quantity() == null) {
            args.add(Figure.usdt(order.quoteNotional()));
        }
        throw CommandRejected.text(order.quantity() != null ? "refusals.trading.belowMinValue.refused"
                : "refusals.trading.sumBelowMinValue.refused", args.toArray());
    }

    /**
     * The quantity a close of {@code portion} takes off {@code stored}. All of it is always allowed (whatever its
     * size); a percentage is rounded down to the step, and refused when that leaves less than the smallest order; a
     * quantity must be one the exchange accepts. Nothing or more than held is returned as is, for the caller to refuse.
     */
    BigDecimal closeQuantity(StoredPosition stored, Portion portion) {
        String symbol = stored.position().symbol();
        BigDecimal held = stored.position().quantity();
        BigDecimal quantity = portion.of(held);
        Optional<LotSize> lot = lotSizes.of(symbol);
        if (lot.isEmpty() || quantity.signum() <= 0 || quantity.compareTo(held) >= 0) {
            return quantity;
        }
        if (portion.percent() != null) {
            BigDecimal rounded = lot.get().floor(quantity);
            if (rounded.compareTo(lot.get().smallest()) < 0) {
                throw CommandRejected.text("refusals.close.shareBelowLot.refused",
                        Figure.percent(portion.percent().movePointLeft(2)), String.valueOf(stored.number()),
                        Figure.quantity(symbol, quantity), Symbols.base(symbol), symbol,
                        Figure.quantity(symbol, lot.get().smallest()));
            }
            return rounded;
        }
        if (!lot.get().accepts(quantity)) {
            throw offStep(symbol, quantity, lot.get(), lot.get().acceptedAtOrAbove(quantity).min(held));
        }
        return quantity;
    }

    /**
     * Whether a close of {@code portion} of {@code stored} is one the exchange would take: all of it always is, a
     * share only when it comes to at least the smallest order once rounded down to the step.
     */
    boolean closable(StoredPosition stored, Portion portion) {
        BigDecimal held = stored.position().quantity();
        BigDecimal quantity = portion.of(held);
        if (quantity.compareTo(held) >= 0) {
            return true;
        }
        return lotSizes.of(stored.position().symbol())
                .map(lot -> lot.floor(quantity).compareTo(lot.smallest()) >= 0)
                .orElse(quantity.signum() > 0);
    }

    /** Refuses a typed size the exchange would not take: off the step, or below the smallest order. */
    private static void requireAccepted(String symbol, BigDecimal quantity, LotSize lot, BigDecimal entry) {
        if (lot.accepts(quantity)) {
            return;
        }
        if (lot.isOnStep(quantity)) {
            throw CommandRejected.text("refusals.trading.belowLot.refused", Figure.quantity(symbol, quantity),
                    Symbols.base(symbol), symbol, Figure.quantity(symbol, lot.smallest()),
                    Figure.usdt(lot.smallest().multiply(entry)), Figure.price(symbol, entry));
        }
        throw offStep(symbol, quantity, lot, lot.acceptedAtOrAbove(quantity));
    }

    /** "0.0005 BTC is not a size BTCUSDT trades in: steps of 0.001 BTC. Nearest: 0.001 BTC" (and the one below). */
    private static CommandRejected offStep(String symbol, BigDecimal quantity, LotSize lot, BigDecimal above) {
        String base = Symbols.base(symbol);
        Optional<BigDecimal> below = lot.acceptedAtOrBelow(quantity);
        return below.isPresent()
                ? CommandRejected.text("refusals.trading.offStep.refused", Figure.quantity(symbol, quantity), base,
                        symbol, Figure.quantity(symbol, lot.step()), Figure.quantity(symbol, below.get()),
                        Figure.quantity(symbol, above))
                : CommandRejected.text("refusals.trading.offStepSmallest.refused", Figure.quantity(symbol, quantity),
                        base, symbol, Figure.quantity(symbol, lot.step()), Figure.quantity(symbol, above));
    }
}
