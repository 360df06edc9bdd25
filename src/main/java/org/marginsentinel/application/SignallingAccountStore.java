package org.marginsentinel.application;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;

/**
 * The account store as every caller sees it (a CDI decorator of whichever store is configured): each write of an
 * account's money or positions also tells {@link AccountChanges}, so the risk index hears of trades, deposits,
 * withdrawals, margin moves and liquidations — and of any write added later — by this one path, never by a use
 * case remembering to.
 */
@Decorator
@Priority(1)
public class SignallingAccountStore implements PaperAccountStore {

    private final PaperAccountStore store;
    private final AccountChanges changes;

    @Inject
    public SignallingAccountStore(@Delegate PaperAccountStore store, AccountChanges changes) {
        this.store = store;
        this.changes = changes;
    }

    @Override
    public Optional<PaperAccount> find(long userId) {
        return store.find(userId);
    }

    @Override
    public Optional<PaperAccount> lock(long userId) {
        return store.lock(userId);
    }

    @Override
    public Map<Long, PaperAccount> lockAll(Collection<Long> userIds) {
        return store.lockAll(userIds);
    }

    @Override
    public List<StoredPosition> openPositions(long userId) {
        return store.openPositions(userId);
    }

    @Override
    public Map<Long, List<StoredPosition>> openPositionsOf(Collection<Long> userIds) {
        return store.openPositionsOf(userIds);
    }

    @Override
    public void forEachOpenBook(Consumer<OpenBook> books) {
        store.forEachOpenBook(books);
    }

    @Override
    public PaperAccount create(long userId, String displayName, BigDecimal walletBalance, Instant now) {
        PaperAccount created = store.create(userId, displayName, walletBalance, now);
        changes.written(userId);
        return created;
    }

    @Override
    public void updateWallet(long userId, BigDecimal walletBalance) {
        store.updateWallet(userId, walletBalance);
        changes.written(userId);
    }

    @Override
    public StoredPosition insert(long userId, Position position, Instant now) {
        StoredPosition inserted = store.insert(userId, position, now);
        changes.written(userId);
        return inserted;
    }

    @Override
    public StoredPosition insertUnderNumber(long userId, int number, Position position, Instant now) {
        StoredPosition inserted = store.insertUnderNumber(userId, number, position, now);
        changes.written(userId);
        return inserted;
    }

    @Override
    public void update(long userId, long positionId, Position position) {
        store.update(userId, positionId, position);
        changes.written(userId);
    }

    @Override
    public void close(long userId, long positionId, PositionStatus status, BigDecimal realizedPnl, Instant now) {
        store.close(userId, positionId, status, realizedPnl, now);
        changes.written(userId);
    }

    @Override
    public void record(long userId, LedgerKind kind, BigDecimal amount, Long positionId, Instant now) {
        store.record(userId, kind, amount, positionId, now);
        changes.written(userId);
    }

    @Override
    public void recordExit(long userId, long positionId, BigDecimal quantity, BigDecimal price, ExitKind kind) {
        store.recordExit(userId, positionId, quantity, price, kind);
        changes.written(userId);
    }
}
