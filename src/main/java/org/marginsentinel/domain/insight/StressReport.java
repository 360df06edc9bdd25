package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole account under a {@link Shock}: every position in the given order, the cross pool and the totals.
 *
 * @param loss total equity lost: the isolated positions' losses plus the pool's
 */
public record StressReport(Shock shock, List<PositionStress> positions, PoolStress pool, BigDecimal equityBefore,
                           BigDecimal equityAfter, BigDecimal loss) {

    public StressReport {
        positions = List.copyOf(positions);
    }

    /** How many isolated positions the shock liquidates, plus one for a liquidated pool. */
    public long liquidations() {
        long isolated = positions.stream().filter(p -> p.position().isIsolated() && p.liquidated()).count();
        return isolated + (pool.liquidated() ? 1 : 0);
    }
}
