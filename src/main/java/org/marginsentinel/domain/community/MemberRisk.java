package org.marginsentinel.domain.community;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * Where one member of a group stands right now, for the group's risk board.
 *
 * @param level           the worse of the closest position's level and the cross pool's level
 * @param closestDistance distance from mark to liquidation of the member's most endangered position (a fraction
 *                        of the mark), or null when no open position has a liquidation price
 * @param crossRatio      the cross pool's margin ratio (liquidation at 1), or null without cross positions
 */
public record MemberRisk(long memberId, RiskLevel level, BigDecimal closestDistance, BigDecimal crossRatio) {

    /** Worst level first; within a level, the closest liquidation first; members without one last. */
    public static final Comparator<MemberRisk> MOST_ENDANGERED_FIRST = Comparator
            .comparing(MemberRisk::level, Comparator.reverseOrder())
            .thenComparing(MemberRisk::closestDistance, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MemberRisk::crossRatio, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(MemberRisk::memberId);

    public MemberRisk {
        Objects.requireNonNull(level, "level");
    }
}
