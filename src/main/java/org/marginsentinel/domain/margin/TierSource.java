package org.marginsentinel.domain.margin;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a symbol's tiers come from and of which day, e.g. "Binance brackets" of 2024-10-24. Shown next to
 * every number computed with them: exchanges change brackets, so a stale table is a risk to say out loud.
 */
public record TierSource(String name, LocalDate asOf) {

    public static final String BINANCE = "Binance brackets";
    /** Bybit's public risk-limit tiers of linear contracts. */
    public static final String BYBIT = "Bybit risk limits";
    /** OKX's public position tiers of USDT swaps, converted from contracts to notional. */
    public static final String OKX = "OKX position tiers";

    public TierSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asOf, "asOf");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tier source needs a name");
        }
    }

    /** "Binance brackets of 2024-10-24". */
    public String describe() {
        return name + " of " + asOf;
    }
}
