/**
 * Mark prices from the exchanges, as a venue module: this package holds what every exchange shares (the
 * {@link org.marginsentinel.adapter.prices.PriceFeed} and its pure rules, the error types, the
 * {@link org.marginsentinel.adapter.prices.ExchangeGuard}); each exchange has a package of its own
 * ({@code binance}, {@code bybit}; next {@code hyperliquid}, {@code okx}) with its REST client, parsers, error
 * mapping, guard and {@link org.marginsentinel.adapter.prices.MarkSource}, and its recorded payloads under
 * {@code src/test/resources/fixtures/prices/<exchange>/}. A new exchange is a new package and a
 * {@code MarkSource} bean with its {@code priority()}; this package imports no exchange package.
 */
package org.marginsentinel.adapter.prices;
