package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.application.port.PriceAlertStore;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.domain.trigger.PriceAlert;

/** {@link PriceAlertStore} in memory; counts reads, so tests can prove the tick reads none. */
public final class InMemoryPriceAlertStore implements PriceAlertStore {

    private final List<PriceAlert> alerts = new ArrayList<>();
    private long nextId = 1;
    private int reads;

    @Override
    public List<PriceAlert> all() {
        reads++;
        return List.copyOf(alerts);
    }

    @Override
    public List<PriceAlert> of(long userId) {
        reads++;
        return alerts.stream().filter(a -> a.userId() == userId).toList();
    }

    @Override
    public PriceAlert add(long userId, String symbol, Direction direction, BigDecimal level, Instant now) {
        PriceAlert alert = new PriceAlert(nextId++, userId, symbol, direction, level);
        alerts.add(alert);
        return alert;
    }

    @Override
    public boolean delete(long alertId) {
        return alerts.removeIf(a -> a.id() == alertId);
    }

    /** Reads so far (all, of). */
    public int reads() {
        return reads;
    }
}
