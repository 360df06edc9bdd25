package org.marginsentinel.application.port;

import java.time.Instant;
import org.marginsentinel.domain.margin.Position;

/**
 * An open position as kept for its owner. {@code number} is the short id the trader types (1, 2, 3 … per
 * account); {@code id} is the database id, also the engine position's id.
 */
public record StoredPosition(long id, long userId, int number, Position position, Instant openedAt) {
}
