package org.marginsentinel.application.watch;

import java.time.Instant;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * A futures account one user watches through a read-only API key, with the last good answer. Holds no secret: the
 * key lives sealed in the store and opened only in {@link KeyedBook}'s memory.
 *
 * @param maskedKeyId    the most of the key ever shown ("AbCd…9xYz")
 * @param snapshot       the last good answer; null before the first
 * @param pausedReason   why polling stopped for good (the exchange rejected the key); null while polling
 * @param keyExpiresAt   when the key stops working, as the exchange said; null when it does not expire
 * @param expiryWarnedAt when the user was told the key expires soon; null until then
 */
public record KeyedAccount(long id, long userId, KeyedExchange exchange, String maskedKeyId, Instant createdAt,
                           Instant lastSuccess, ExchangeAccountSnapshot snapshot, Availability availability,
                           String pausedReason, Instant keyExpiresAt, Instant expiryWarnedAt) implements Watched {

    public KeyedAccount withAnswer(ExchangeAccountSnapshot newSnapshot, Instant at) {
        return new KeyedAccount(id, userId, exchange, maskedKeyId, createdAt, at, newSnapshot, Availability.OK,
                pausedReason, keyExpiresAt, expiryWarnedAt);
    }

    public KeyedAccount withAvailability(Availability newAvailability) {
        return new KeyedAccount(id, userId, exchange, maskedKeyId, createdAt, lastSuccess, snapshot, newAvailability,
                pausedReason, keyExpiresAt, expiryWarnedAt);
    }

    /**
     * The pause reason of an account whose key cannot be opened because the deployer gave no master key; the chat
     * words it in the reader's language. Other reasons are the exchange's own (an HTTP status, an error code).
     */
    public static final String MASTER_KEY_MISSING = "the master key is missing, so its key cannot be opened";

    public KeyedAccount paused(String reason) {
        return new KeyedAccount(id, userId, exchange, maskedKeyId, createdAt, lastSuccess, snapshot, availability,
                reason, keyExpiresAt, expiryWarnedAt);
    }

    public KeyedAccount expiryWarned(Instant at) {
        return new KeyedAccount(id, userId, exchange, maskedKeyId, createdAt, lastSuccess, snapshot, availability,
                pausedReason, keyExpiresAt, at);
    }

    public boolean isPaused() {
        return pausedReason != null;
    }

    /** "Binance AbCd…9xYz". */
    public String label() {
        return exchange.displayName() + " " + maskedKeyId;
    }
}
