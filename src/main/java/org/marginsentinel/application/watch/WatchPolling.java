package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.port.HyperliquidInfo;
import org.marginsentinel.application.port.InfoUnavailable;
import org.marginsentinel.domain.watch.PollPlanner;
import org.marginsentinel.domain.watch.WatchedAccountState;

/**
 * One scheduler step (call it every second): asks the {@link PollPlanner} what fits Hyperliquid's weight budget
 * now, fetches the market and the planned accounts (outside any transaction), and hands each outcome to the
 * {@link WatchRecorder}.
 */
@ApplicationScoped
public class WatchPolling {

    private static final Logger LOG = Logger.getLogger(WatchPolling.class.getName());

    @Inject
    WatchBook book;

    @Inject
    HyperliquidInfo info;

    @Inject
    WatchRecorder recorder;

    @Inject
    WatchSettings settings;

    private PollPlanner planner;

    private synchronized PollPlanner planner() {
        if (planner == null) {
            planner = new PollPlanner(settings.polling(), HyperliquidInfo.ACCOUNT_WEIGHT, HyperliquidInfo.MARKET_WEIGHT);
        }
        return planner;
    }

    public synchronized void tick(Instant now) {
        List<WatchedAccount> accounts = book.all();
        if (accounts.isEmpty()) {
            return;
        }
        List<PollPlanner.Candidate> candidates = accounts.stream().map(a -> new PollPlanner.Candidate(a.id(),
                book.level(a.id()), book.lastPolled(a.id()))).toList();
        PollPlanner.Plan plan = planner().plan(now, candidates);
        if (plan.market()) {
            pollMarket(now);
        }
        for (long id : plan.accounts()) {
            book.account(id).ifPresent(account -> {
                try {
                    poll(account, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Recording the poll of watched account " + id + " failed", e);
                }
            });
        }
    }

    private void pollMarket(Instant now) {
        try {
            book.market(info.market(), now);
        } catch (InfoUnavailable e) {
            LOG.log(Level.WARNING, "Hyperliquid market unavailable: {0}", e.reason());
            return;
        }
        recorder.marksMoved(now);
    }

    private void poll(WatchedAccount account, Instant now) {
        book.polled(account.id(), now);
        WatchedAccountState state;
        try {
            state = info.account(account.address());
        } catch (InfoUnavailable e) {
            recorder.failed(account.id(), e.reason(), now);
            return;
        }
        recorder.answered(account.id(), state, now);
    }
}
