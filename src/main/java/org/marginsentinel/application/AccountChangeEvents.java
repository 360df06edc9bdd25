package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns account writes into one {@link AccountChanged} per user and transaction: a trade writes a position, the
 * wallet and the ledger, and the risk index should rebuild that user's book once after the commit, not three times.
 */
@ApplicationScoped
public class AccountChangeEvents implements AccountChanges {

    /** The key of this transaction's set of written users in the registry. */
    private static final Object WRITTEN = AccountChangeEvents.class.getName() + ".written";

    private final TransactionSynchronizationRegistry transactions;
    private final Event<AccountChanged> changed;

    @Inject
    public AccountChangeEvents(TransactionSynchronizationRegistry transactions, Event<AccountChanged> changed) {
        this.transactions = transactions;
        this.changed = changed;
    }

    @Override
    public void written(long userId) {
        @SuppressWarnings("unchecked")
        Set<Long> written = (Set<Long>) transactions.getResource(WRITTEN);
        if (written == null) {
            written = new HashSet<>();
            transactions.putResource(WRITTEN, written);
        }
        if (written.add(userId)) {
            changed.fire(new AccountChanged(userId));
        }
    }
}
