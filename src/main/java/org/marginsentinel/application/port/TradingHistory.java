package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Read access to the ledger of paper wallets, for results over a period. Joins the caller's transaction. */
public interface TradingHistory {

    /** Every entry of these users at or after {@code since}, oldest first. */
    List<LedgerEntry> entriesSince(Collection<Long> userIds, Instant since);

    /** The sum of the user's entries of each kind since the account opened (kinds without entries left out). */
    default java.util.Map<LedgerKind, java.math.BigDecimal> totals(long userId) {
        java.util.Map<LedgerKind, java.math.BigDecimal> totals = new java.util.EnumMap<>(LedgerKind.class);
        for (LedgerEntry entry : entriesSince(List.of(userId), Instant.EPOCH)) {
            totals.merge(entry.kind(), entry.amount(), java.math.BigDecimal::add);
        }
        return totals;
    }
}
