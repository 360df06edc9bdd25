package org.marginsentinel.domain.watch.keyed;

import java.time.Instant;

/**
 * What an API key may do, as the exchange itself reports it (Binance {@code apiRestrictions}, Bybit
 * {@code query-api}, OKX's key info).
 *
 * @param canReadFutures the key can read futures positions and balances
 * @param canTrade       the key can place orders (futures or spot)
 * @param canWithdraw    the key can withdraw or transfer funds out
 * @param ipRestricted   the exchange only accepts the key from whitelisted IP addresses
 * @param expiresAt      when the key stops working; null when it does not expire
 */
public record KeyPermissions(boolean canReadFutures, boolean canTrade, boolean canWithdraw, boolean ipRestricted,
                             Instant expiresAt) {
}
