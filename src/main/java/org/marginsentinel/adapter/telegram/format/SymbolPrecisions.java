package org.marginsentinel.adapter.telegram.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.domain.MoneyFormat;

/**
 * The tick size (price step) and step size (quantity step) of each symbol as its exchange publishes them, so that
 * a price or a size is written with the symbol's own decimals: DOGE "0.30123", SOL "200.12", never "0.300000".
 * Filled by the instrument feed when it has read the exchange's instrument list; until then (and for a symbol it
 * does not list) the size-based rules of {@link Fmt} apply.
 *
 * <p>A process-wide, replace-only snapshot: views are plain static functions and every chat sees the same rules.
 */
public final class SymbolPrecisions {

    /**
     * One symbol's steps; either may be null when the exchange does not say.
     *
     * @param significantFigures when set, a price has at most this many significant figures (Hyperliquid: 5), and
     *                           {@code tickSize} is only the finest step it may reach (its most decimals); integer
     *                           prices are always allowed
     */
    public record Precision(BigDecimal tickSize, BigDecimal stepSize, Integer significantFigures) {

        /** A fixed tick, as Binance and Bybit list it. */
        public Precision(BigDecimal tickSize, BigDecimal stepSize) {
            this(tickSize, stepSize, null);
        }

        /** The tick a price of this size is written at: the fixed tick, or the finest the significant figures allow. */
        BigDecimal tickAt(BigDecimal price) {
            if (significantFigures == null || price.signum() == 0) {
                return tickSize;
            }
            int magnitude = price.precision() - price.scale() - 1; // floor(log10 |price|)
            BigDecimal byFigures = BigDecimal.ONE.movePointRight(magnitude - significantFigures + 1)
                    .min(BigDecimal.ONE); // integer prices are always allowed
            return tickSize == null ? byFigures : byFigures.max(tickSize);
        }
    }

    private static volatile Map<String, Precision> known = Map.of();

    private SymbolPrecisions() {
    }

    /** Replaces every known precision at once (the feed's latest read of the instrument list). */
    public static void replaceAll(Map<String, Precision> precisions) {
        known = Map.copyOf(precisions);
    }

    /** Forgets every precision (the feed stopped). */
    public static void clear() {
        known = Map.of();
    }

    public static Optional<Precision> of(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(known.get(symbol));
    }

    /**
     * {@code price} of {@code symbol} rounded to its tick (half-even) and written with exactly the tick's decimals
     * (a 0.10 tick: "97,000.1"; 0.00001: "0.30120"), when known; otherwise {@link Fmt#price}. English style.
     */
    public static String price(String symbol, BigDecimal price) {
        if (price == null) {
            return Fmt.MISSING;
        }
        Precision precision = of(symbol).orElse(null);
        BigDecimal tick = precision == null ? null : precision.tickAt(price.abs().stripTrailingZeros());
        if (!positive(tick)) {
            return Fmt.price(price);
        }
        BigDecimal rounded = onStep(price, tick);
        // significant figures are judged after rounding too: 9.99996 is "10.000", not "10.0000"
        BigDecimal coarser = precision.tickAt(rounded.abs().stripTrailingZeros());
        if (coarser.compareTo(tick) > 0) {
            tick = coarser;
            rounded = onStep(price, tick);
        }
        return MoneyFormat.signed(rounded.setScale(decimals(tick), RoundingMode.UNNECESSARY), false);
    }

    /**
     * {@code quantity} of {@code symbol} at its step size's decimals (half-even), trailing zeros dropped (a 0.001
     * step: "0.012", "3"), when known; otherwise {@link Fmt#quantity}. English style.
     */
    public static String quantity(String symbol, BigDecimal quantity) {
        if (quantity == null) {
            return Fmt.MISSING;
        }
        BigDecimal step = of(symbol).map(Precision::stepSize).orElse(null);
        if (!positive(step)) {
            return Fmt.quantity(quantity);
        }
        BigDecimal rounded = quantity.setScale(decimals(step), RoundingMode.HALF_EVEN);
        if (rounded.compareTo(quantity) != 0) {
            // a paper size the exchange would not allow (bought for 100 USDT, say): the true size, never a rounded one
            // that /close would then leave a remainder of
            return Fmt.quantity(quantity);
        }
        rounded = rounded.stripTrailingZeros();
        return MoneyFormat.signed(rounded.scale() < 0 ? rounded.setScale(0) : rounded, false);
    }

    /** {@code value} rounded half-even to a whole number of {@code step}s. */
    private static BigDecimal onStep(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.HALF_EVEN).multiply(step);
    }

    /** The decimals a step is written with: those of the step without its trailing zeros (0.10 → 1, 5 → 0). */
    private static int decimals(BigDecimal step) {
        return Math.max(0, step.stripTrailingZeros().scale());
    }

    private static boolean positive(BigDecimal step) {
        return step != null && step.signum() > 0;
    }
}
