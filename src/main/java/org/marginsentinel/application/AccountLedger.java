package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.marginsentinel.application.port.TradingHistory;

/** Reads what has moved a paper wallet (fees paid, funding, realised PnL) for {@code /balance}. */
@ApplicationScoped
public class AccountLedger {

    private final TradingHistory history;

    @Inject
    public AccountLedger(TradingHistory history) {
        this.history = history;
    }

    @Transactional
    public WalletTotals totals(long userId) {
        return WalletTotals.of(history.totals(userId));
    }
}
