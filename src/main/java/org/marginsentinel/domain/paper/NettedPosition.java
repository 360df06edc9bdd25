package org.marginsentinel.domain.paper;

import org.marginsentinel.domain.margin.Position;

/**
 * The symbol's position after a fill, and whether it is the same position (increased or reduced) or a
 * new one (first fill, or the fill flipped the side).
 */
public record NettedPosition(Position position, boolean sameAsBefore) {
}
