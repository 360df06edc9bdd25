package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Read access to the ledger of paper wallets, for results over a period. Joins the caller's transaction. */
public interface TradingHistory {

    /** Every entry of these users at or after {@code since}, oldest first. */
    List<LedgerEntry> entriesSince(Collection<Long> userIds, Instant since);
}
