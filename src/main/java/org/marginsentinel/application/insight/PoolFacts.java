package org.marginsentinel.application.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.port.PositionChanges;
import org.marginsentinel.application.port.TradingHistory;

/**
 * Reads, in one short transaction, what {@link PoolReconstruction} needs besides marks: the account valued now, its
 * ledger over the window and when its positions last changed. Marks are fetched afterwards, outside it.
 */
@ApplicationScoped
public class PoolFacts {

    @Inject
    PaperTrading trading;

    @Inject
    TradingHistory ledger;

    @Inject
    PositionChanges changes;

    /** The account now, with what it booked from {@code from} on. */
    public record Read(AccountSnapshot snapshot, PoolReconstruction.Facts facts) {
    }

    @Transactional
    public Read read(long userId, Instant from) {
        AccountSnapshot snapshot = trading.snapshot(userId);
        PoolReconstruction.Facts facts = new PoolReconstruction.Facts(userId, snapshot.account().walletBalance(),
                snapshot.account().createdAt(), snapshot.positions(), ledger.entriesSince(List.of(userId), from),
                changes.lastChangeAfterOpening(userId));
        return new Read(snapshot, facts);
    }
}
