package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ConfirmationStore} in memory. In this package because a {@link LockedConfirmation} wraps its row: a
 * resolved question stays resolved (no transactions to roll back).
 */
public final class InMemoryConfirmations implements ConfirmationStore {

    private final Map<Long, ConfirmationEntity> rows = new HashMap<>();

    @Override
    public long create(long ownerUserId, long chatId, String actionKey, String payload, Instant now,
            Instant expiresAt) {
        ConfirmationEntity row = new ConfirmationEntity();
        row.id = rows.size() + 1L;
        row.ownerUserId = ownerUserId;
        row.chatId = chatId;
        row.actionKey = actionKey;
        row.payload = payload;
        row.status = ConfirmationEntity.Status.PENDING;
        row.createdAt = now;
        row.expiresAt = expiresAt;
        rows.put(row.id, row);
        return row.id;
    }

    @Override
    public Optional<LockedConfirmation> lock(long id) {
        return Optional.ofNullable(rows.get(id)).map(LockedConfirmation::new);
    }

    public int count() {
        return rows.size();
    }

    /** PENDING, CONFIRMED, CANCELLED, EXPIRED or FAILED; empty for an unknown id. */
    public Optional<String> status(long id) {
        return Optional.ofNullable(rows.get(id)).map(row -> row.status.name());
    }
}
