package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.application.port.TradingHistory;
import org.marginsentinel.domain.margin.Position;

/**
 * {@link PaperAccountStore} in memory, for plain tests: behaves as the database store does (numbers per account,
 * the position's id as the engine position's id, writes refused for another user's position), single-threaded.
 */
public final class InMemoryAccountStore implements PaperAccountStore, TradingHistory {

    /** A stored position row, open or not. */
    public record Row(long id, long userId, int number, Position position, PositionStatus status,
                      BigDecimal realizedPnl, Instant openedAt, Instant closedAt) {
    }

    private final Map<Long, PaperAccount> accounts = new LinkedHashMap<>();
    private final Map<Long, Integer> nextNumbers = new LinkedHashMap<>();
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final List<Exit> exits = new ArrayList<>();
    private long nextId = 1;
    private int reads;

    @Override
    public Optional<PaperAccount> find(long userId) {
        reads++;
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public Optional<PaperAccount> lock(long userId) {
        return find(userId);
    }

    @Override
    public PaperAccount create(long userId, String displayName, BigDecimal walletBalance, Instant now) {
        if (accounts.containsKey(userId)) {
            throw new IllegalStateException("account " + userId + " exists");
        }
        PaperAccount account = new PaperAccount(userId, displayName, walletBalance, now);
        accounts.put(userId, account);
        nextNumbers.put(userId, 1);
        return account;
    }

    @Override
    public void updateWallet(long userId, BigDecimal walletBalance) {
        PaperAccount account = accounts.get(userId);
        accounts.put(userId, new PaperAccount(userId, account.displayName(), walletBalance, account.createdAt()));
    }

    @Override
    public List<StoredPosition> openPositions(long userId) {
        reads++;
        return rows.values().stream().filter(r -> r.userId() == userId && r.status() == PositionStatus.OPEN)
                .sorted(Comparator.comparingInt(Row::number)).map(InMemoryAccountStore::stored).toList();
    }

    @Override
    public void forEachOpenBook(Consumer<OpenBook> books) {
        reads++;
        for (PaperAccount account : accounts.values()) {
            List<StoredPosition> open = openPositions(account.userId());
            if (!open.isEmpty()) {
                books.accept(new OpenBook(account, open));
            }
        }
    }

    @Override
    public StoredPosition insert(long userId, Position position, Instant now) {
        return insertOpen(userId, nextNumbers.merge(userId, 1, Integer::sum) - 1, position, now);
    }

    @Override
    public StoredPosition insertUnderNumber(long userId, int number, Position position, Instant now) {
        if (rows.values().stream().anyMatch(r -> r.userId() == userId && r.number() == number
                && r.status() == PositionStatus.OPEN)) {
            throw new IllegalStateException("Position #" + number + " of user " + userId + " is still open");
        }
        return insertOpen(userId, number, position, now);
    }

    private StoredPosition insertOpen(long userId, int number, Position position, Instant now) {
        long id = nextId++;
        Row row = new Row(id, userId, number, withId(position, id), PositionStatus.OPEN, BigDecimal.ZERO, now, null);
        rows.put(id, row);
        return stored(row);
    }

    @Override
    public void update(long userId, long positionId, Position position) {
        Row row = owned(userId, positionId);
        rows.put(positionId, new Row(row.id(), userId, row.number(), withId(position, positionId), row.status(),
                row.realizedPnl(), row.openedAt(), row.closedAt()));
    }

    @Override
    public void close(long userId, long positionId, PositionStatus status, BigDecimal realizedPnl, Instant now) {
        Row row = owned(userId, positionId);
        rows.put(positionId, new Row(row.id(), userId, row.number(), row.position(), status,
                row.realizedPnl().add(realizedPnl), row.openedAt(), now));
    }

    @Override
    public void record(long userId, LedgerKind kind, BigDecimal amount, Long positionId, Instant now) {
        ledger.add(new LedgerEntry(userId, kind, amount, now, positionId));
    }

    /** A closing fill noted for trade history. */
    public record Exit(long positionId, BigDecimal quantity, BigDecimal price, ExitKind kind) {
    }

    @Override
    public void recordExit(long userId, long positionId, BigDecimal quantity, BigDecimal price, ExitKind kind) {
        owned(userId, positionId);
        exits.add(new Exit(positionId, quantity, price, kind));
    }

    /** Every closing fill noted so far, oldest first. */
    public List<Exit> exits() {
        return List.copyOf(exits);
    }

    @Override
    public List<LedgerEntry> entriesSince(java.util.Collection<Long> userIds, Instant since) {
        return ledger.stream().filter(e -> userIds.contains(e.userId()) && !e.at().isBefore(since)).toList();
    }

    /** How many reads (find, lock, open positions, open books) were made so far. */
    public int reads() {
        return reads;
    }

    /** Every ledger entry so far, oldest first. */
    public List<LedgerEntry> ledger() {
        return List.copyOf(ledger);
    }

    /** Every position row of the user, open or not, by number. */
    public List<Row> rows(long userId) {
        return rows.values().stream().filter(r -> r.userId() == userId).sorted(Comparator.comparingInt(Row::number))
                .toList();
    }

    /** Every position row of every user, open or not. */
    public List<Row> allRows() {
        return List.copyOf(rows.values());
    }

    /** Everything stored, comparable with {@code equals}: to prove a refusal changed nothing. */
    public String dump() {
        return accounts + "|" + rows + "|" + ledger + "|" + nextNumbers + "|" + exits;
    }

    private Row owned(long userId, long positionId) {
        Row row = rows.get(positionId);
        if (row == null || row.userId() != userId) {
            throw new IllegalArgumentException("Position " + positionId + " is not user " + userId + "'s");
        }
        return row;
    }

    private static Position withId(Position p, long id) {
        return new Position(String.valueOf(id), p.symbol(), p.side(), p.quantity(), p.entryPrice(), p.leverage(),
                p.marginMode(), p.isolatedMargin());
    }

    private static StoredPosition stored(Row row) {
        return new StoredPosition(row.id(), row.userId(), row.number(), row.position(), row.openedAt());
    }
}
