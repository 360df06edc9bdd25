package org.marginsentinel.application.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Figure;
import org.marginsentinel.application.port.ClosedTrade;
import org.marginsentinel.application.port.ClosedTrades;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.TradingHistory;

/** A trader's record, from the ledger and the closed positions: PnL by UTC day ({@code /pnl}), closed trades. */
@ApplicationScoped
public class TradingRecord {

    public static final int MAX_TRADES = 50;

    private final PaperAccountStore accounts;
    private final TradingHistory ledger;
    private final ClosedTrades closed;
    private final Clock clock;

    @Inject
    public TradingRecord(PaperAccountStore accounts, TradingHistory ledger, ClosedTrades closed, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.closed = closed;
        this.clock = clock;
    }

    @Transactional
    public PnlByDay pnl(long userId, PnlPeriod period) {
        requireAccount(userId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = period.firstDay(today);
        return PnlByDay.of(period, ledger.entriesSince(List.of(userId), first.atStartOfDay(ZoneOffset.UTC).toInstant()),
                first, today);
    }

    /** The last {@code count} closed trades, the latest first (1 to {@link #MAX_TRADES}). */
    @Transactional
    public List<ClosedTrade> trades(long userId, int count) {
        if (count < 1 || count > MAX_TRADES) {
            throw CommandRejected.text("refusals.history.tradesCount.refused", Figure.count(MAX_TRADES));
        }
        requireAccount(userId);
        return closed.latest(userId, count);
    }

    private void requireAccount(long userId) {
        if (accounts.find(userId).isEmpty()) {
            throw CommandRejected.text("refusals.account.none.refused");
        }
    }
}
