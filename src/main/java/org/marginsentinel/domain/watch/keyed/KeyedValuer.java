package org.marginsentinel.domain.watch.keyed;

/**
 * Values a keyed exchange's account with that exchange's own published rules (Binance: the engine with its
 * brackets; Bybit: its formula, maintenance valued as Bybit does; OKX: its {@code mgnRatio} convention), so the
 * bot's figures stand next to the exchange's as a second opinion. Implementations are plain domain classes; the
 * tiers they need are given to their constructors.
 */
public interface KeyedValuer {

    KeyedExchange exchange();

    KeyedValuation value(ExchangeAccountSnapshot snapshot);
}
