package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.domain.trigger.PriceAlert;

/** Stored price alerts. Every call joins the caller's transaction. */
public interface PriceAlertStore {

    /** Every alert of every user, for loading the in-memory book. */
    List<PriceAlert> all();

    /** The user's alerts, oldest first (the order {@code /alert} numbers them in). */
    List<PriceAlert> of(long userId);

    PriceAlert add(long userId, String symbol, Direction direction, BigDecimal level, Instant now);

    /** Deletes the alert; false when it was already gone (fired, or deleted by its owner). */
    boolean delete(long alertId);
}
