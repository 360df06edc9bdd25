package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.port.ClosedTrade;
import org.marginsentinel.application.port.ClosedTrades;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.domain.margin.Decimals;

/** Closed paper positions with their fees and funding from the ledger: two indexed queries per call. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanacheClosedTrades implements ClosedTrades {

    @Override
    public List<ClosedTrade> latest(long userId, int limit) {
        List<PositionEntity> rows = PositionEntity.<PositionEntity>find(
                        "userId = ?1 and status <> ?2 order by closedAt desc, id desc", userId, PositionStatus.OPEN)
                .page(0, limit).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<LedgerKind, BigDecimal>> booked = new HashMap<>();
        LedgerEntryEntity.getEntityManager()
                .createQuery("select e.positionId, e.kind, sum(e.amount) from LedgerEntryEntity e "
                        + "where e.userId = ?1 and e.positionId in ?2 group by e.positionId, e.kind", Object[].class)
                .setParameter(1, userId).setParameter(2, rows.stream().map(r -> r.id).toList()).getResultList()
                .forEach(row -> booked.computeIfAbsent((Long) row[0], id -> new HashMap<>())
                        .put((LedgerKind) row[1], (BigDecimal) row[2]));
        return rows.stream().map(row -> toTrade(row, booked.getOrDefault(row.id, Map.of()))).toList();
    }

    private static ClosedTrade toTrade(PositionEntity row, Map<LedgerKind, BigDecimal> booked) {
        BigDecimal realized = booked.getOrDefault(LedgerKind.REALIZED_PNL, BigDecimal.ZERO);
        if (row.status == PositionStatus.LIQUIDATED) {
            // isolated: the margin lost is booked to the position; cross: the pool's loss is booked to no position,
            // and the position's own PnL at the liquidating mark is what its row kept
            BigDecimal lost = booked.get(LedgerKind.LIQUIDATION);
            realized = realized.add(lost != null ? lost : row.realizedPnl);
        }
        BigDecimal size = row.closedQuantity.signum() > 0 ? row.closedQuantity : row.quantity;
        BigDecimal exit = row.exitValue == null || row.closedQuantity.signum() == 0 ? null
                : Decimals.divide(row.exitValue, row.closedQuantity);
        ExitKind endedBy = row.closedBy != null ? row.closedBy
                : row.status == PositionStatus.LIQUIDATED ? ExitKind.LIQUIDATION : ExitKind.CLOSE;
        return new ClosedTrade(row.id, row.number, row.symbol, row.side, row.entryPrice, exit, size, realized,
                booked.getOrDefault(LedgerKind.FEE, BigDecimal.ZERO),
                booked.getOrDefault(LedgerKind.FUNDING, BigDecimal.ZERO), row.openedAt, row.closedAt, endedBy,
                row.historyBackfilled);
    }
}
