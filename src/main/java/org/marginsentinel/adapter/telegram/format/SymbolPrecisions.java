package org.marginsentinel.adapter.telegram.format;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The tick size (price step) and step size (quantity step) of each symbol as its exchange publishes them, so that
 * a price or a size is written with the symbol's own decimals: DOGE "0.30123", SOL "200.12", never "0.300000".
 * Filled by the instrument feed when it has read the exchange's instrument list; until then (and for a symbol it
 * does not list) the size-based rules of {@link Fmt} apply.
 *
 * <p>A process-wide, replace-only snapshot: views are plain static functions and every chat sees the same rules.
 */
public final class SymbolPrecisions {

    /** One symbol's steps; either may be null when the exchange does not say. */
    public record Precision(BigDecimal tickSize, BigDecimal stepSize) {
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

    /** {@code price} of {@code symbol} at its tick size when known, otherwise {@link Fmt#price}. English style. */
    public static String price(String symbol, BigDecimal price) {
        return Fmt.price(price);
    }

    /** {@code quantity} of {@code symbol} at its step size when known, otherwise {@link Fmt#quantity}. English style. */
    public static String quantity(String symbol, BigDecimal quantity) {
        return Fmt.quantity(quantity);
    }
}
