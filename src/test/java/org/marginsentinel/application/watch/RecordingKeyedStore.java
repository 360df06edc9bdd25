package org.marginsentinel.application.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.SecretVault;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * A keyed store for the recorder's plain tests: it holds no account (they live in the book, which a restart
 * refills) and only remembers what was saved, in order.
 */
final class RecordingKeyedStore implements KeyedStore {

    final List<KeyedAccount> saved = new ArrayList<>();

    @Override
    public List<Stored> all() {
        return List.of();
    }

    @Override
    public KeyedAccount add(long userId, KeyedExchange exchange, String maskedKeyId, SecretVault.Sealed sealedKey,
                            ExchangeAccountSnapshot snapshot, Instant keyExpiresAt, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(KeyedAccount account) {
        saved.add(account);
    }

    @Override
    public void remove(long id) {
    }

    @Override
    public void reseal(long id, SecretVault.Sealed sealedKey) {
    }

    @Override
    public void savePending(Pending pending) {
    }

    @Override
    public Optional<Pending> pending(long userId, KeyedExchange exchange) {
        return Optional.empty();
    }

    @Override
    public List<Pending> allPending() {
        return List.of();
    }

    @Override
    public void removePending(long userId, KeyedExchange exchange) {
    }
}
