package org.marginsentinel.application.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.SecretVault;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * Keyed accounts with their sealed keys, and the key pairs a user was shown but has not registered yet (pending).
 * Only sealed secrets pass through here. Joins the caller's transaction.
 */
public interface KeyedStore {

    record Stored(KeyedAccount account, SecretVault.Sealed sealedKey) {
    }

    record Pending(long userId, KeyedExchange exchange, SecretVault.Sealed sealedPrivateKey, Instant createdAt) {
    }

    List<Stored> all();

    KeyedAccount add(long userId, KeyedExchange exchange, String maskedKeyId, SecretVault.Sealed sealedKey,
                     ExchangeAccountSnapshot snapshot, Instant keyExpiresAt, Instant at);

    /** Saves the account's last answer, availability, pause and expiry notice (never the key). */
    void save(KeyedAccount account);

    /** Deletes the account and its sealed key. */
    void remove(long id);

    /** Replaces the sealed key (master key rotation). */
    void reseal(long id, SecretVault.Sealed sealedKey);

    /** Keeps one pending key pair per user and exchange (a new one replaces the old). */
    void savePending(Pending pending);

    Optional<Pending> pending(long userId, KeyedExchange exchange);

    List<Pending> allPending();

    void removePending(long userId, KeyedExchange exchange);
}
