package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * Applies one poll's outcome to a keyed account in one transaction: the answer is stored and judged (warnings, ADL,
 * the key's coming expiry); a rejected key pauses the account and is told once; an outage is told once after
 * {@link KeyedSettings#unavailableAfter()}, and its end once. Notices go out if and only if the change commits.
 */
@ApplicationScoped
public class KeyedRecorder {

    @Inject
    KeyedBook book;

    @Inject
    WatchBook watchBook;

    @Inject
    KeyedStore store;

    @Inject
    KeyedWarnings warnings;

    @Inject
    KeyedNotifier notifier;

    @Inject
    KeyedSettings settings;

    @Inject
    WatchDrains drains;

    @Transactional
    public void answered(long id, ExchangeAccountSnapshot snapshot, Instant now) {
        KeyedAccount account = book.account(id).orElse(null);
        if (account == null) {
            return;
        }
        Availability.Step step = account.availability().succeeded();
        KeyedAccount updated = account.withAnswer(snapshot, now);
        boolean expiryNotice = updated.expiryWarnedAt() == null && KeyPolicy.expiresSoon(updated.keyExpiresAt(), now);
        if (expiryNotice) {
            updated = updated.expiryWarned(now);
        }
        KeyedValuation before = warnings.valuation(account).orElse(null);
        store.save(updated);
        book.put(updated);
        drains.answered(WatchDrains.subject(updated), before, warnings.valuation(updated).orElse(null));
        int number = watchBook.numberOf(updated);
        if (step.tell() == Availability.Tell.BACK) {
            notifier.tell(new KeyedNotice.Back(updated, number));
        }
        if (expiryNotice) {
            notifier.tell(new KeyedNotice.ExpiresSoon(updated, number, updated.keyExpiresAt()));
        }
        warnings.evaluate(updated, now);
    }

    @Transactional
    public void failed(long id, KeyedSourceUnavailable failure, Instant now) {
        KeyedAccount account = book.account(id).orElse(null);
        if (account == null || account.isPaused()) {
            return;
        }
        if (failure.kind() == KeyedSourceUnavailable.Kind.KEY_REJECTED) {
            KeyedAccount paused = account.paused(failure.reason());
            store.save(paused);
            book.put(paused);
            notifier.tell(new KeyedNotice.KeyRejected(paused, watchBook.numberOf(paused), failure.reason()));
            return;
        }
        if (failure.kind() == KeyedSourceUnavailable.Kind.RATE_LIMITED) {
            book.quietUntil(account.exchange(), now.plus(failure.retryAfter() == null ? Duration.ofMinutes(1)
                    : failure.retryAfter()));
        }
        Availability.Step step = account.availability().failed(now, settings.unavailableAfter());
        KeyedAccount updated = account.withAvailability(step.next());
        if (!updated.equals(account)) {
            store.save(updated);
            book.put(updated);
        }
        if (book.level(id).compareTo(RiskLevel.WARNING) < 0) {
            book.level(id, RiskLevel.WARNING); // retried sooner, so an outage is noticed near its 2 minutes
        }
        if (step.tell() == Availability.Tell.UNAVAILABLE) {
            notifier.tell(new KeyedNotice.Unavailable(updated, watchBook.numberOf(updated),
                    Duration.between(step.next().unavailableSince(), now), failure.reason()));
        }
    }
}
