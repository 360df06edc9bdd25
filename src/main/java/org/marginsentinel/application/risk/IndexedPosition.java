package org.marginsentinel.application.risk;

import org.marginsentinel.domain.margin.Position;

/**
 * An open position rebuilt from the index for an exact look.
 *
 * @param id     database id (also the engine position's id)
 * @param number the short number the trader types
 */
record IndexedPosition(long id, int number, Position position) {
}
