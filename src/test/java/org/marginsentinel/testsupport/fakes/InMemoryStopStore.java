package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.PositionStop;
import org.marginsentinel.application.port.StopStore;
import org.marginsentinel.domain.trigger.StopKind;

/** {@link StopStore} in memory, joined with an {@link InMemoryAccountStore}'s rows as the database store joins. */
public final class InMemoryStopStore implements StopStore {

    private record Key(long positionId, StopKind kind) {
    }

    private record Row(long userId, BigDecimal price) {
    }

    private final InMemoryAccountStore accounts;
    private final Map<Key, Row> rows = new LinkedHashMap<>();

    public InMemoryStopStore(InMemoryAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<PositionStop> all() {
        return rows.keySet().stream().map(this::joined).flatMap(Optional::stream).toList();
    }

    @Override
    public List<PositionStop> of(long userId) {
        return all().stream().filter(s -> s.userId() == userId).toList();
    }

    @Override
    public Optional<PositionStop> find(long positionId, StopKind kind) {
        return joined(new Key(positionId, kind));
    }

    @Override
    public void put(long userId, long positionId, StopKind kind, BigDecimal price, Instant now) {
        rows.put(new Key(positionId, kind), new Row(userId, price));
    }

    @Override
    public boolean delete(long positionId, StopKind kind) {
        return rows.remove(new Key(positionId, kind)) != null;
    }

    @Override
    public int deleteOfClosedPositions(long userId) {
        int before = rows.size();
        rows.keySet().removeIf(key -> rows.get(key).userId() == userId && joined(key).isEmpty());
        return before - rows.size();
    }

    /** Every stored stop, open position or not. */
    public int size() {
        return rows.size();
    }

    private Optional<PositionStop> joined(Key key) {
        Row row = rows.get(key);
        if (row == null) {
            return Optional.empty();
        }
        return accounts.allRows().stream()
                .filter(p -> p.id() == key.positionId() && p.status() == PositionStatus.OPEN).findFirst()
                .map(p -> new PositionStop(p.id(), row.userId(), p.number(), p.position().symbol(), p.position().side(),
                        key.kind(), row.price()));
    }
}
