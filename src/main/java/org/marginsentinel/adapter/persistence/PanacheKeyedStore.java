package org.marginsentinel.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.SecretVault;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedStore;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** Keyed accounts in {@code keyed_account} (the last answer as JSON), pending key pairs in {@code keyed_pending_key}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PanacheKeyedStore implements KeyedStore {

    @Inject
    ObjectMapper mapper;

    @Override
    public List<Stored> all() {
        return KeyedAccountEntity.<KeyedAccountEntity>listAll(Sort.by("id")).stream()
                .map(e -> new Stored(toAccount(e), new SecretVault.Sealed(e.keyVersion, e.sealedKey))).toList();
    }

    @Override
    public KeyedAccount add(long userId, KeyedExchange exchange, String maskedKeyId, SecretVault.Sealed sealedKey,
                            ExchangeAccountSnapshot snapshot, Instant keyExpiresAt, Instant at) {
        KeyedAccountEntity entity = new KeyedAccountEntity();
        entity.userId = userId;
        entity.exchange = exchange.name();
        entity.maskedKeyId = maskedKeyId;
        entity.keyVersion = sealedKey.keyVersion();
        entity.sealedKey = sealedKey.ciphertext();
        entity.createdAt = at;
        entity.lastSuccessAt = at;
        entity.lastSnapshot = write(snapshot);
        entity.keyExpiresAt = keyExpiresAt;
        entity.persist();
        return toAccount(entity);
    }

    @Override
    public void save(KeyedAccount account) {
        KeyedAccountEntity entity = KeyedAccountEntity.findById(account.id());
        if (entity == null) {
            return;
        }
        entity.lastSuccessAt = account.lastSuccess();
        entity.lastSnapshot = write(account.snapshot());
        entity.unavailableSince = account.availability().unavailableSince();
        entity.outageTold = account.availability().told();
        entity.pausedReason = account.pausedReason();
        entity.expiryWarnedAt = account.expiryWarnedAt();
    }

    @Override
    public void remove(long id) {
        KeyedAccountEntity.deleteById(id);
    }

    @Override
    public void reseal(long id, SecretVault.Sealed sealedKey) {
        KeyedAccountEntity entity = KeyedAccountEntity.findById(id);
        if (entity != null) {
            entity.keyVersion = sealedKey.keyVersion();
            entity.sealedKey = sealedKey.ciphertext();
        }
    }

    @Override
    public void savePending(Pending pending) {
        KeyedPendingKeyEntity.Key key = new KeyedPendingKeyEntity.Key(pending.userId(), pending.exchange().name());
        KeyedPendingKeyEntity entity = KeyedPendingKeyEntity.findById(key);
        boolean fresh = entity == null;
        if (fresh) {
            entity = new KeyedPendingKeyEntity();
            entity.id = key;
        }
        entity.keyVersion = pending.sealedPrivateKey().keyVersion();
        entity.sealedKey = pending.sealedPrivateKey().ciphertext();
        entity.createdAt = pending.createdAt();
        if (fresh) {
            entity.persist();
        }
    }

    @Override
    public Optional<Pending> pending(long userId, KeyedExchange exchange) {
        return KeyedPendingKeyEntity.<KeyedPendingKeyEntity>findByIdOptional(
                new KeyedPendingKeyEntity.Key(userId, exchange.name())).map(PanacheKeyedStore::toPending);
    }

    @Override
    public List<Pending> allPending() {
        return KeyedPendingKeyEntity.<KeyedPendingKeyEntity>listAll().stream().map(PanacheKeyedStore::toPending).toList();
    }

    @Override
    public void removePending(long userId, KeyedExchange exchange) {
        KeyedPendingKeyEntity.deleteById(new KeyedPendingKeyEntity.Key(userId, exchange.name()));
    }

    private static Pending toPending(KeyedPendingKeyEntity entity) {
        return new Pending(entity.id.userId, KeyedExchange.valueOf(entity.id.exchange),
                new SecretVault.Sealed(entity.keyVersion, entity.sealedKey), entity.createdAt);
    }

    private KeyedAccount toAccount(KeyedAccountEntity e) {
        return new KeyedAccount(e.id, e.userId, KeyedExchange.valueOf(e.exchange), e.maskedKeyId, e.createdAt,
                e.lastSuccessAt, e.lastSnapshot == null ? null : read(e.lastSnapshot),
                new Availability(e.unavailableSince, e.outageTold), e.pausedReason, e.keyExpiresAt, e.expiryWarnedAt);
    }

    private String write(ExchangeAccountSnapshot snapshot) {
        try {
            return snapshot == null ? null : mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a keyed account's answer", e);
        }
    }

    private ExchangeAccountSnapshot read(String json) {
        try {
            return mapper.readValue(json, ExchangeAccountSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored keyed account answer unreadable", e);
        }
    }
}
