package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.PositionEnding;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedValuation;

/**
 * Applies one poll's outcome to a watched account in one transaction: the new answer is stored, positions that
 * ended are reported (liquidated or closed), warnings are decided, and an outage or its end is told once. The
 * notices are queued in the same transaction, so they go out if and only if the change commits.
 */
@ApplicationScoped
public class WatchRecorder {

    @Inject
    WatchBook book;

    @Inject
    WatchStore store;

    @Inject
    WatchWarnings warnings;

    @Inject
    WatchNotifier notifier;

    @Inject
    WatchSettings settings;

    @Inject
    LiquidationSightings sightings;

    @Inject
    WatchDrains drains;

    @Transactional
    public void answered(long id, WatchedAccountState state, Instant now) {
        WatchedAccount account = book.account(id).orElse(null);
        if (account == null) {
            return;
        }
        int number = book.numberOf(account);
        WatchedValuation before = book.valuation(account);
        Map<String, BigDecimal> lastMarks = new HashMap<>();
        Map<String, BigDecimal> ownLiquidation = new HashMap<>();
        for (WatchedValuation.Valued valued : before.positions()) {
            if (valued.risk() != null) {
                lastMarks.put(valued.reported().coin(), valued.risk().markPrice());
                if (valued.risk().liquidationPrice() != null) {
                    ownLiquidation.put(valued.reported().coin(), valued.risk().liquidationPrice());
                }
            }
        }
        List<PositionEnding.Ended> ended = PositionEnding.between(account.state(), state, book.pastLiquidation(id),
                lastMarks, ownLiquidation);
        Availability.Step step = account.availability().succeeded();
        WatchedAccount updated = account.withAnswer(state, now);
        store.save(updated);
        book.put(updated);
        drains.answered(WatchDrains.subject(updated), before.cross(), book.valuation(updated).cross());
        if (!book.pastLiquidation(id).isEmpty()) {
            sightings.forget(id);
            book.clearPastLiquidation(id);
        }
        for (PositionEnding.Ended end : ended) {
            warnings.ended(updated, end);
            notifier.tell(new WatchNotice.PositionEnded(account.userId(), account.address(), number, end));
        }
        if (step.tell() == Availability.Tell.BACK) {
            notifier.tell(new WatchNotice.Back(account.userId(), account.address(), number));
        }
        warnings.evaluate(updated, now);
    }

    @Transactional
    public void failed(long id, String reason, Instant now) {
        WatchedAccount account = book.account(id).orElse(null);
        if (account == null) {
            return;
        }
        Availability.Step step = account.availability().failed(now, settings.unavailableAfter());
        WatchedAccount updated = account.withAvailability(step.next());
        if (!updated.equals(account)) {
            store.save(updated);
            book.put(updated);
        }
        if (book.level(id).compareTo(RiskLevel.WARNING) < 0) {
            book.level(id, RiskLevel.WARNING); // retried sooner, so an outage is noticed near its 2 minutes
        }
        if (step.tell() == Availability.Tell.UNAVAILABLE) {
            notifier.tell(new WatchNotice.Unavailable(account.userId(), account.address(), book.numberOf(account),
                    Duration.between(step.next().unavailableSince(), now), reason));
        }
    }

    /** New marks: every watched account with positions is judged again, from memory. */
    @Transactional
    public void marksMoved(Instant now) {
        for (WatchedAccount account : book.all()) {
            if (account.availability().available() && !account.state().positions().isEmpty()) {
                warnings.evaluate(account, now);
            }
        }
    }
}
