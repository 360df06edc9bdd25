package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/** Shared by the keyed valuers: a cross position's risk, judged by its pool (as the engine does for paper). */
public final class KeyedRisks {

    private KeyedRisks() {
    }

    public static PositionRisk crossRisk(MarginCalculator engine, Position position, BigDecimal mark,
                                         CrossAccountRisk pool) {
        BigDecimal liquidation = pool.liquidationPrice(position.symbol()).orElse(null);
        BigDecimal distance = liquidation == null ? null : Decimals.divide(mark.subtract(liquidation).abs(), mark);
        if (distance != null && pool.liquidated()) {
            distance = distance.negate();
        }
        BigDecimal pnl = position.unrealizedPnl(mark);
        return new PositionRisk(position, mark, position.notionalAt(mark), pnl,
                Decimals.divide(position.notionalAt(mark), BigDecimal.valueOf(position.leverage())),
                engine.maintenanceMargin(position, mark), pool.marginRatio(), liquidation, distance,
                Decimals.divide(pnl, position.initialMargin()));
    }
}
