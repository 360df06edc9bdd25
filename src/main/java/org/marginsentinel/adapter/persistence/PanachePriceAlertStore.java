package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.marginsentinel.application.port.PriceAlertStore;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.domain.trigger.PriceAlert;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanachePriceAlertStore implements PriceAlertStore {

    @Override
    public List<PriceAlert> all() {
        return PriceAlertEntity.<PriceAlertEntity>list("order by id").stream().map(PanachePriceAlertStore::toAlert)
                .toList();
    }

    @Override
    public List<PriceAlert> of(long userId) {
        return PriceAlertEntity.<PriceAlertEntity>list("userId = ?1 order by id", userId).stream()
                .map(PanachePriceAlertStore::toAlert).toList();
    }

    @Override
    public PriceAlert add(long userId, String symbol, Direction direction, BigDecimal level, Instant now) {
        PriceAlertEntity entity = new PriceAlertEntity();
        entity.userId = userId;
        entity.symbol = symbol;
        entity.direction = direction;
        entity.price = Decimals.storage(level);
        entity.createdAt = now;
        entity.persist();
        return toAlert(entity);
    }

    @Override
    public boolean delete(long alertId) {
        return PriceAlertEntity.delete("id", alertId) > 0;
    }

    private static PriceAlert toAlert(PriceAlertEntity entity) {
        return new PriceAlert(entity.id, entity.userId, entity.symbol, entity.direction, entity.price);
    }
}
