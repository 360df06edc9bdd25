package org.marginsentinel.application.risk;

import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.insight.JointMove;
import org.marginsentinel.domain.insight.OddsTrigger;
import org.marginsentinel.domain.margin.Position;

/**
 * Fills the {@link RiskIndex} and the {@link WatchMemory} from the stores: everything once at start-up, one user's
 * book after each committed change of that account. The caller holds the transaction; the tick never calls this.
 */
final class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class.getName());

    private final PaperAccountStore accounts;
    private final AlertStore alerts;
    private final Volatilities volatilities;
    private final RiskIndex index;
    private final WatchMemory memory;
    private long seenVolatilityVersion = Long.MIN_VALUE;

    IndexLoader(PaperAccountStore accounts, AlertStore alerts, Volatilities volatilities, RiskIndex index,
                WatchMemory memory) {
        this.accounts = accounts;
        this.alerts = alerts;
        this.volatilities = volatilities;
        this.index = index;
        this.memory = memory;
    }

    /** Every open position, account, preference and alert state, with liquidation prices solved on every core. */
    void loadAll() {
        long started = System.nanoTime();
        memory.loadAll(alerts.allStates(), alerts.allPreferences());
        putEveryOpenBook();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Risk index loaded: " + index.positionCount() + " open positions of " + index.userIds().size()
                + " users in " + tookMillis + " ms");
    }

    /**
     * After the tiers of some symbols changed: solves the tier curves again and rebuilds every open book from the
     * stores (what the watch remembers stays: alert levels and drain history are not about tiers).
     */
    void reloadAfterTierChange(Set<String> changedSymbols) {
        long started = System.nanoTime();
        index.clear();
        index.forgetCurves(changedSymbols);
        putEveryOpenBook();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Risk index rebuilt after new tiers for " + changedSymbols.size() + " symbols: "
                + index.positionCount() + " open positions in " + tookMillis + " ms");
    }

    /** Indexes every open book of the store, with liquidation prices solved on every core while rows are read. */
    private void putEveryOpenBook() {
        try (ParallelBookLoader loader = new ParallelBookLoader(book -> index.liquidationPrices(book.positions()),
                solved -> put(solved.book().account(), solved.book().positions(), solved.liquidationPrices()))) {
            accounts.forEachOpenBook(loader);
            loader.finish();
        }
    }

    /** Forgets everything in memory (the index and what the watch remembers). */
    void clear() {
        memory.clear();
        index.clear();
    }

    /**
     * Rebuilds one user's book from the stores: wallet, open positions, preferences and alert states as committed
     * (an order's reply may have set the level its subject is held at: "born safe").
     */
    void reload(long userId) {
        memory.setPreferences(userId, alerts.preferences(userId));
        alerts.statesOf(userId).forEach(memory::remember);
        List<StoredPosition> positions = accounts.openPositions(userId);
        if (positions.isEmpty()) {
            index.remove(userId);
            return;
        }
        accounts.find(userId).ifPresentOrElse(account -> put(account, positions, index.liquidationPrices(positions)),
                () -> index.remove(userId));
    }

    /**
     * Rebuilds one user's book from what a committed write left ({@code Liquidations.IsolatedBatch}: the wallet and
     * the positions still open, read under the account's lock), without reading the stores again. Preferences and
     * alert states are the ones held: a liquidation changes neither.
     */
    void rebuild(OpenBook book) {
        if (book.positions().isEmpty()) {
            index.remove(book.account().userId());
        } else {
            put(book.account(), book.positions(), index.liquidationPrices(book.positions()));
        }
    }

    /** Moves the odds-trigger warning distances when the cached volatilities changed since the last look. */
    void refreshOddsIfVolatilitiesChanged() {
        long version = volatilities.version();
        if (version == seenVolatilityVersion) {
            return;
        }
        seenVolatilityVersion = version;
        for (Long userId : index.userIds()) {
            UserBook book = index.book(userId);
            if (book != null) {
                applyPoolShares(book);
            }
        }
        memory.forEachPreferences((userId, prefs) -> {
            UserBook book = index.book(userId);
            if (book != null && prefs.oddsThreshold() != null) {
                applyOddsTrigger(book, prefs);
            }
        });
    }

    private void put(PaperAccount account, List<StoredPosition> positions, double[] liquidationPrices) {
        AlertPreferences prefs = memory.preferences(account.userId());
        index.put(account.userId(), account.walletBalance(), positions, prefs.thresholds(), memory.heldLevels,
                liquidationPrices);
        UserBook book = index.book(account.userId());
        if (book != null) {
            applyPoolShares(book);
        }
        if (book != null && prefs.oddsThreshold() != null) {
            applyOddsTrigger(book, prefs);
        }
    }

    /** Each cross symbol's share of the pool's joint adverse move, from the cached volatilities; never per tick. */
    private void applyPoolShares(UserBook book) {
        if (!book.hasCross()) {
            return;
        }
        List<Position> cross = index.crossPositionsOf(book).stream().map(IndexedPosition::position).toList();
        JointMove model = JointMove.of(cross, volatilities::cached);
        index.setPoolShares(book, symbol -> model.shareOf(symbol).doubleValue());
    }

    /**
     * With an odds trigger of p, an isolated position enters WARNING where its odds of liquidation within 24 hours
     * reach p: at the distance of the move that has probability p (from the symbol's cached volatility), when
     * that is further out than the user's WARNING distance. The index turns that distance into the position's
     * quiet band, so the tick pays nothing for it. Runs once per book when it is built and when the volatilities
     * change, never per tick.
     */
    private void applyOddsTrigger(UserBook book, AlertPreferences prefs) {
        double probability = prefs.oddsThreshold().doubleValue();
        index.setOddsWarnings(book, (symbol, side) -> OddsTrigger.warningDistance(probability, side,
                volatilities.cached(symbol)));
    }
}
