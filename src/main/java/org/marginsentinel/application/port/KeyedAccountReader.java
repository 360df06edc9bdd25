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
}
