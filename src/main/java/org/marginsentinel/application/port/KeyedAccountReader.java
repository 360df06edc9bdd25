package org.marginsentinel.application.port;

import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyPermissions;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * A keyed exchange's signed, read-only account endpoints. One implementation per exchange (a CDI bean); callers
 * pick it by {@link #exchange()}. Every call throws {@link KeyedSourceUnavailable} when no usable answer came.
 * Implementations sign every request, respect the exchange's rate limits and never log a secret.
 */
public interface KeyedAccountReader {

    KeyedExchange exchange();

    /** What the key may do (checked before anything about the key is stored). */
    KeyPermissions permissions(ApiKey key);

    /** The account's futures positions and balances. */
    ExchangeAccountSnapshot account(ApiKey key);

    /**
     * True where the exchange only lets keys with trading permission read futures positions: such a key is then
     * accepted only when locked to the deployer's egress addresses ({@code sentinel.watch.egress-ips}).
     */
    default boolean readingNeedsTrading() {
        return false;
    }

    /** The exchange's request budget per minute for the bot's IP (or key), in the weight units of {@link #accountWeight()}. */
    default int weightPerMinute() {
        return 600;
    }

    /** What one {@link #account} call spends of {@link #weightPerMinute()}. */
    default int accountWeight() {
        return 2;
    }
}
