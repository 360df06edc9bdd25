package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.market.Symbols;

/**
 * A trader's open positions read under the account's lock, for a command that looks before it trades in the same
 * transaction (is this a leverage change? how much does #5 hold?): read before the lock, the rows could be stale by
 * the time the order locks the account, and the order would write over a concurrent command's change.
 */
@ApplicationScoped
public class LockedPositions {

    private final PaperAccountStore store;

    @Inject
    public LockedPositions(PaperAccountStore store) {
        this.store = store;
    }

    @Transactional
    public List<StoredPosition> open(long userId) {
        store.lock(userId).orElseThrow(() -> CommandRejected.text("refusals.account.none.refused"));
        return store.openPositions(userId);
    }

    /** The open position a trader means by {@code #5}, {@code 5} or a symbol such as {@code btc}. */
    @Transactional
    public Optional<StoredPosition> find(long userId, String reference) {
        String ref = reference.startsWith("#") ? reference.substring(1) : reference;
        List<StoredPosition> positions = open(userId);
        if (ref.matches("\\d{1,9}")) {
            int number = Integer.parseInt(ref);
            return positions.stream().filter(p -> p.number() == number).findFirst();
        }
        return Symbols.normalize(ref).flatMap(symbol -> positions.stream()
                .filter(p -> p.position().symbol().equals(symbol)).findFirst());
    }
}
