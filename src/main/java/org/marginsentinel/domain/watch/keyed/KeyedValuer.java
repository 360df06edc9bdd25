package org.marginsentinel.domain.watch.keyed;

import java.util.Optional;
import org.marginsentinel.domain.watch.WatchedPortfolio;

/**
 * Values a keyed exchange's account with that exchange's own published rules (Binance: the engine with its
 * brackets; Bybit: its formula, maintenance valued as Bybit does; OKX: its {@code mgnRatio} convention), so the
 * bot's figures stand next to the exchange's as a second opinion. Implementations are plain domain classes; the
 * tiers they need are given to their constructors.
 */
public interface KeyedValuer {

    KeyedExchange exchange();

    KeyedValuation value(ExchangeAccountSnapshot snapshot);

    /**
     * The account in the shape the insight tools take ({@code /stress}, {@code /compare}, {@code /whatif}): an
     * engine with this exchange's maintenance for every symbol (also one the account does not hold), the account
     * wallet with the isolated margins, and the positions at the exchange's marks. Empty when the account cannot be
     * recomputed as a whole (portfolio margin, a position or the margin balance missing).
     */
    Optional<WatchedPortfolio> portfolio(ExchangeAccountSnapshot snapshot);
}
