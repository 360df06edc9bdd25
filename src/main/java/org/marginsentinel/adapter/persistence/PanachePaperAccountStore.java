package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Position;

/** Paper accounts in the database through Hibernate ORM with Panache; entities never leave this class. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanachePaperAccountStore implements PaperAccountStore {

    private static final int IN_LIST = 500;

    @Inject
    Clock clock;

    @Override
    public Optional<PaperAccount> find(long userId) {
        return AccountEntity.<AccountEntity>findByIdOptional(userId).map(PanachePaperAccountStore::toAccount);
    }

    /**
     * Locks the row and re-reads it. A plain pessimistic find would lock an account already loaded earlier
     * in this transaction without re-reading it, so its balance could be one another transaction has
     * changed since (Hibernate then fails the version check, or worse, the stale balance gets spent).
     */
    @Override
    public Optional<PaperAccount> lock(long userId) {
        AccountEntity entity = AccountEntity.findById(userId);
        if (entity == null) {
            return Optional.empty();
        }
        AccountEntity.getEntityManager().refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(toAccount(entity));
    }

    /**
     * One locking query per {@value #IN_LIST} accounts, in user id order (two batches never wait for each other in a
     * circle). The rows are read under the lock; an account already loaded in this transaction would come back as
     * it was loaded, hence the port's rule to lock first.
     */
    @Override
    public Map<Long, PaperAccount> lockAll(Collection<Long> userIds) {
        Map<Long, PaperAccount> locked = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(userIds)) {
            AccountEntity.getEntityManager()
                    .createQuery("from AccountEntity a where a.userId in :ids order by a.userId", AccountEntity.class)
                    .setParameter("ids", chunk).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .forEach(entity -> locked.put(entity.userId, toAccount(entity)));
        }
        return locked;
    }

    @Override
    public Map<Long, List<StoredPosition>> openPositionsOf(Collection<Long> userIds) {
        Map<Long, List<StoredPosition>> open = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(userIds)) {
            PositionEntity.<PositionEntity>list("userId in ?1 and status = ?2 order by userId, number", chunk,
                    PositionStatus.OPEN).forEach(entity -> open.computeIfAbsent(entity.userId, u -> new ArrayList<>())
                    .add(toStored(entity)));
        }
        return open;
    }

    /** Ids in lists of at most {@value #IN_LIST}, sorted: short IN lists every database plans well. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += IN_LIST) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + IN_LIST)));
        }
        return chunks;
    }

    @Override
    public PaperAccount create(long userId, String displayName, BigDecimal walletBalance, Instant now) {
        AccountEntity entity = new AccountEntity();
        entity.userId = userId;
        entity.displayName = displayName;
        entity.walletBalance = Decimals.storage(walletBalance);
        entity.nextPositionNumber = 1;
        entity.createdAt = now;
        entity.persist();
        return toAccount(entity);
    }

    @Override
    public void updateWallet(long userId, BigDecimal walletBalance) {
        AccountEntity entity = AccountEntity.findById(userId);
        entity.walletBalance = Decimals.storage(walletBalance);
    }

    @Override
    public List<StoredPosition> openPositions(long userId) {
        return PositionEntity.<PositionEntity>list("userId = ?1 and status = ?2 order by number", userId,
                PositionStatus.OPEN).stream().map(PanachePaperAccountStore::toStored).toList();
    }

    @Override
    public void forEachOpenBook(java.util.function.Consumer<OpenBook> books) {
        OpenBooksQuery.stream(AccountEntity.getEntityManager(), books);
    }

    @Override
    public StoredPosition insert(long userId, Position position, Instant now) {
        AccountEntity account = AccountEntity.findById(userId);
        return persistOpen(userId, account.nextPositionNumber++, position, now);
    }

    @Override
    public StoredPosition insertUnderNumber(long userId, int number, Position position, Instant now) {
        // the query flushes the close of the position being replaced first (flush mode AUTO)
        if (PositionEntity.count("userId = ?1 and number = ?2 and status = ?3", userId, number,
                PositionStatus.OPEN) > 0) {
            throw new IllegalStateException("Position #" + number + " of user " + userId + " is still open");
        }
        return persistOpen(userId, number, position, now);
    }

    private static StoredPosition persistOpen(long userId, int number, Position position, Instant now) {
        PositionEntity entity = new PositionEntity();
        entity.userId = userId;
        entity.number = number;
        entity.status = PositionStatus.OPEN;
        entity.realizedPnl = BigDecimal.ZERO;
        entity.openedAt = now;
        copy(position, entity);
        entity.persist();
        return toStored(entity);
    }

    @Override
    public void update(long userId, long positionId, Position position) {
        PositionEntity entity = owned(userId, positionId);
        copy(position, entity);
        entity.changedAt = clock.instant(); // /chart pool reconstructs the pool only back to here
    }

    @Override
    public void close(long userId, long positionId, PositionStatus status, BigDecimal realizedPnl, Instant now) {
        PositionEntity entity = owned(userId, positionId);
        entity.status = status;
        entity.realizedPnl = Decimals.storage(entity.realizedPnl.add(realizedPnl));
        entity.closedAt = now;
    }

    @Override
    public void record(long userId, LedgerKind kind, BigDecimal amount, Long positionId, Instant now) {
        LedgerEntryEntity entry = new LedgerEntryEntity();
        entry.userId = userId;
        entry.kind = kind;
        entry.amount = Decimals.storage(amount);
        entry.positionId = positionId;
        entry.createdAt = now;
        entry.persist();
    }

    @Override
    public void recordExit(long userId, long positionId, BigDecimal quantity, BigDecimal price, ExitKind kind) {
        PositionEntity entity = owned(userId, positionId);
        entity.closedQuantity = Decimals.storage(entity.closedQuantity.add(quantity));
        // an exit once unknown (a backfilled liquidation) stays unknown: no average is better than a wrong one
        entity.exitValue = entity.exitValue == null ? null
                : Decimals.storage(entity.exitValue.add(quantity.multiply(price)));
        entity.closedBy = kind;
    }

    /** The position, which must be the user's: a write names its account so the risk index hears of it. */
    private static PositionEntity owned(long userId, long positionId) {
        PositionEntity entity = PositionEntity.findById(positionId);
        if (entity == null || entity.userId != userId) {
            throw new IllegalArgumentException("Position " + positionId + " is not an open position of user " + userId);
        }
        return entity;
    }

    private static void copy(Position position, PositionEntity entity) {
        entity.symbol = position.symbol();
        entity.side = position.side();
        entity.marginMode = position.marginMode();
        entity.quantity = Decimals.storage(position.quantity());
        entity.entryPrice = Decimals.storage(position.entryPrice());
        entity.leverage = position.leverage();
        entity.isolatedMargin = position.isolatedMargin() == null ? null : Decimals.storage(position.isolatedMargin());
    }

    private static PaperAccount toAccount(AccountEntity entity) {
        return new PaperAccount(entity.userId, entity.displayName, entity.walletBalance, entity.createdAt);
    }

    private static StoredPosition toStored(PositionEntity entity) {
        Position position = new Position(String.valueOf(entity.id), entity.symbol, entity.side, entity.quantity,
                entity.entryPrice, entity.leverage, entity.marginMode, entity.isolatedMargin);
        return new StoredPosition(entity.id, entity.userId, entity.number, position, entity.openedAt);
    }
}
