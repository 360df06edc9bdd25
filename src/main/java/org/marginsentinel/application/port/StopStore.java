package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.domain.trigger.StopKind;

/** Stops of open paper positions. Every call joins the caller's transaction. */
public interface StopStore {

    /** Every stop of an open position, for loading the in-memory book. */
    List<PositionStop> all();

    /** The user's stops of open positions. */
    List<PositionStop> of(long userId);

    Optional<PositionStop> find(long positionId, StopKind kind);

    /** Sets (or moves) the position's stop of this kind. */
    void put(long userId, long positionId, StopKind kind, BigDecimal price, Instant now);

    /** Deletes it; false when there was none. */
    boolean delete(long positionId, StopKind kind);

    /** Deletes the stops of the user's positions that are no longer open: they can never act again. */
    int deleteOfClosedPositions(long userId);
}
