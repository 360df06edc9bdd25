package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.domain.margin.Position;

/**
 * Persistence of paper accounts and positions. Every call joins the caller's transaction. Every write names the
 * account it changes: the application tells the risk index of each committed change from these calls alone
 * ({@code org.marginsentinel.application.SignallingAccountStore}), so no use case can forget to.
 */
public interface PaperAccountStore {

    Optional<PaperAccount> find(long userId);

    /**
     * The account, locked against concurrent changes until the transaction ends and read after the lock
     * was taken. Lock before reading the user's positions: rows read earlier in the transaction may be stale.
     */
    Optional<PaperAccount> lock(long userId);

    /**
     * {@link #lock} for many accounts at once (a crash liquidates thousands in one tick): each found account,
     * locked and read after the lock, by user id. Call it before anything of these accounts was read in the
     * transaction.
     */
    default Map<Long, PaperAccount> lockAll(Collection<Long> userIds) {
        Map<Long, PaperAccount> locked = new LinkedHashMap<>();
        userIds.forEach(userId -> lock(userId).ifPresent(account -> locked.put(userId, account)));
        return locked;
    }

    PaperAccount create(long userId, String displayName, BigDecimal walletBalance, Instant now);

    void updateWallet(long userId, BigDecimal walletBalance);

    List<StoredPosition> openPositions(long userId);

    /** {@link #openPositions} of many users at once, by user id (users without open positions are left out). */
    default Map<Long, List<StoredPosition>> openPositionsOf(Collection<Long> userIds) {
        Map<Long, List<StoredPosition>> open = new LinkedHashMap<>();
        for (long userId : userIds) {
            List<StoredPosition> positions = openPositions(userId);
            if (!positions.isEmpty()) {
                open.put(userId, positions);
            }
        }
        return open;
    }

    /**
     * Every account that has open positions, with them, one account at a time, for loading the in-memory risk
     * index at start-up. Streamed: a million positions are never all held as rows at once.
     */
    void forEachOpenBook(java.util.function.Consumer<OpenBook> books);

    /** Stores a new open position, numbering it after the account's previous ones. */
    StoredPosition insert(long userId, Position position, Instant now);

    /**
     * Stores a new open position under the number of the user's position it replaces (a flip: the order closed that
     * one and opened the other side, and the trader keeps calling it by its number). That position must be closed
     * first, in the same transaction: an open position's number is never shared.
     */
    StoredPosition insertUnderNumber(long userId, int number, Position position, Instant now);

    /** Saves a changed quantity, entry, leverage or isolated margin of an open position. */
    void update(long userId, long positionId, Position position);

    void close(long userId, long positionId, PositionStatus status, BigDecimal realizedPnl, Instant now);

    void record(long userId, LedgerKind kind, BigDecimal amount, Long positionId, Instant now);

    /**
     * Notes that {@code quantity} of the position left at {@code price} by {@code kind}: its trade history (average
     * exit, size closed, what ended it). Called for every closing fill, partial or whole.
     */
    void recordExit(long userId, long positionId, BigDecimal quantity, BigDecimal price, ExitKind kind);
}
