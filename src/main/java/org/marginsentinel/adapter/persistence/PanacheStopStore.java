package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.PositionStop;
import org.marginsentinel.application.port.StopStore;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.trigger.StopKind;

/** Stops joined with their open positions (symbol and side come from the position row). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanacheStopStore implements StopStore {

    private static final String OPEN_STOPS = "select s, p.symbol, p.side, p.number "
            + "from PositionStopEntity s, PositionEntity p where p.id = s.positionId and p.status = :open";

    @Override
    public List<PositionStop> all() {
        return PositionStopEntity.getEntityManager().createQuery(OPEN_STOPS, Object[].class)
                .setParameter("open", PositionStatus.OPEN).getResultList().stream()
                .map(PanacheStopStore::toStop).toList();
    }

    @Override
    public List<PositionStop> of(long userId) {
        return PositionStopEntity.getEntityManager()
                .createQuery(OPEN_STOPS + " and s.userId = :user order by s.positionId, s.kind", Object[].class)
                .setParameter("open", PositionStatus.OPEN).setParameter("user", userId).getResultList().stream()
                .map(PanacheStopStore::toStop).toList();
    }

    @Override
    public Optional<PositionStop> find(long positionId, StopKind kind) {
        return PositionStopEntity.getEntityManager()
                .createQuery(OPEN_STOPS + " and s.positionId = :position and s.kind = :kind", Object[].class)
                .setParameter("open", PositionStatus.OPEN).setParameter("position", positionId)
                .setParameter("kind", kind).getResultList().stream().map(PanacheStopStore::toStop).findFirst();
    }

    @Override
    public void put(long userId, long positionId, StopKind kind, BigDecimal price, Instant now) {
        PositionStopEntity entity = PositionStopEntity.findById(new PositionStopEntity.Key(positionId, kind));
        if (entity == null) {
            entity = new PositionStopEntity();
            entity.positionId = positionId;
            entity.kind = kind;
            entity.userId = userId;
            entity.price = Decimals.storage(price);
            entity.createdAt = now;
            entity.persist();
        } else {
            entity.price = Decimals.storage(price);
            entity.createdAt = now;
        }
    }

    @Override
    public boolean delete(long positionId, StopKind kind) {
        return PositionStopEntity.delete("positionId = ?1 and kind = ?2", positionId, kind) > 0;
    }

    @Override
    public int deleteOfClosedPositions(long userId) {
        return PositionStopEntity.getEntityManager().createQuery("delete from PositionStopEntity s where s.userId = "
                        + ":user and s.positionId not in (select p.id from PositionEntity p where p.userId = :user "
                        + "and p.status = :open)")
                .setParameter("user", userId).setParameter("open", PositionStatus.OPEN).executeUpdate();
    }

    private static PositionStop toStop(Object[] row) {
        PositionStopEntity stop = (PositionStopEntity) row[0];
        return new PositionStop(stop.positionId, stop.userId, (Integer) row[3], (String) row[1], (Side) row[2],
                stop.kind, stop.price);
    }
}
