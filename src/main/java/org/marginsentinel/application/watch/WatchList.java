package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Figure;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.HyperliquidInfo;
import org.marginsentinel.application.port.InfoUnavailable;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.WatchedAccountState;

/**
 * {@code /watch hl <address>}, {@code /watch}, {@code /unwatch <n>}: which Hyperliquid accounts a user watches.
 * Runs in the command's transaction; a refusal ({@link CommandRejected}) stores nothing.
 */
@ApplicationScoped
public class WatchList {

    @Inject
    WatchStore store;

    @Inject
    WatchBook book;

    @Inject
    HyperliquidInfo info;

    @Inject
    AlertStore alerts;

    @Inject
    WatchSettings settings;

    @Inject
    AfterCommit afterCommit;

    @Inject
    KeyedWatchList keyed;

    @Inject
    LiquidationSightings sightings;

    @Inject
    WatchDrains drains;

    @Inject
    Clock clock;

    /** Loads every watched account and its alert states into memory (start-up). */
    public void loadAll() {
        book.load(store.all(), alerts.allStates());
        sightings.all().forEach((id, coins) -> coins.forEach(coin -> book.sawPastLiquidation(id, coin)));
        drains.load();
    }

    /** Starts watching; the first answer is fetched now, so a refused or empty address stores nothing. */
    public WatchedAccount watch(long userId, String addressText) {
        HyperliquidAddress address = HyperliquidAddress.parse(addressText).orElseThrow(() ->
                CommandRejected.text("refusals.watch.notAnAddress.refused"));
        List<WatchedAccount> mine = book.ofUser(userId);
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i).address().equals(address)) {
                throw CommandRejected.text("refusals.watch.already.refused", address.shortForm(), String.valueOf(i + 1));
            }
        }
        int watched = book.entries(userId).size();
        if (watched >= settings.maxPerUser()) {
            throw CommandRejected.text("refusals.watch.tooMany.refused", Figure.count(watched));
        }
        WatchedAccountState state;
        try {
            state = info.account(address);
        } catch (InfoUnavailable e) {
            throw CommandRejected.text(e.addressRefused() ? "refusals.watch.addressRefused.refused"
                    : "refusals.watch.noAnswer.refused", e.reason());
        }
        if (state.positions().isEmpty()) {
            throw CommandRejected.text("refusals.watch.noPositions.refused", Figure.money(state.accountValue()));
        }
        WatchedAccount added = store.add(userId, address, state, clock.instant());
        afterCommit.run(() -> {
            book.put(added);
            book.polled(added.id(), added.createdAt());
        });
        return added;
    }

    public List<WatchedAccount> list(long userId) {
        return book.ofUser(userId);
    }

    /** Every account the user watches, Hyperliquid and keyed, numbered 1… in this order. */
    public List<Watched> entries(long userId) {
        return book.entries(userId);
    }

    /**
     * Stops watching the user's account number {@code number} (as {@code /watch} lists them) and deletes everything
     * stored for it, a keyed account's sealed key included.
     */
    public Watched unwatch(long userId, int number) {
        List<Watched> mine = book.entries(userId);
        if (mine.isEmpty()) {
            throw CommandRejected.text("refusals.watch.none.refused");
        }
        if (number < 1 || number > mine.size()) {
            throw CommandRejected.text("refusals.watch.noNumber.refused", String.valueOf(number));
        }
        if (mine.get(number - 1) instanceof KeyedAccount keyedAccount) {
            keyed.remove(keyedAccount);
            return keyedAccount;
        }
        WatchedAccount removed = (WatchedAccount) mine.get(number - 1);
        store.remove(removed.id());
        alerts.allStates().keySet().stream().filter(s -> s.startsWith(WatchBook.subjectPrefix(removed.id())))
                .forEach(alerts::deleteState);
        drains.forget(WatchDrains.subject(removed));
        afterCommit.run(() -> book.remove(removed.id()));
        return removed;
    }
}
