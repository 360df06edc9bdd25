package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.TradingHistory;

/** The ledger through Panache; uses the (user_id, created_at) index. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PanacheTradingHistory implements TradingHistory {

    @Override
    public List<LedgerEntry> entriesSince(Collection<Long> userIds, Instant since) {
        List<LedgerEntry> entries = new ArrayList<>();
        List<Long> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            LedgerEntryEntity.<LedgerEntryEntity>stream("userId in ?1 and createdAt >= ?2 order by createdAt, id",
                            chunk, since)
                    .map(e -> new LedgerEntry(e.userId, e.kind, e.amount, e.createdAt, e.positionId))
                    .forEach(entries::add);
        }
        return entries;
    }

    @Override
    public Map<LedgerKind, BigDecimal> totals(long userId) {
        Map<LedgerKind, BigDecimal> totals = new EnumMap<>(LedgerKind.class);
        LedgerEntryEntity.getEntityManager()
                .createQuery("select e.kind, sum(e.amount) from LedgerEntryEntity e where e.userId = ?1 group by e.kind",
                        Object[].class)
                .setParameter(1, userId).getResultList()
                .forEach(row -> totals.put((LedgerKind) row[0], (BigDecimal) row[1]));
        return totals;
    }
}
