package org.marginsentinel.application.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.application.port.Subject;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Paper liquidations. Each runs in one transaction with the account locked and re-checks, with exact
 * decimals, that the position is still open and still past its liquidation price: a second attempt (a retried
 * tick, a restart) finds nothing to do, so nothing is ever liquidated twice.
 */
@ApplicationScoped
public class Liquidations {

    private final PaperAccountStore store;
    private final MarginCalculator calculator;
    private final MarginAdvice advice;
    private final Notifier notifier;
    private final Clock clock;

    /** The store's writes tell the risk index of each liquidation by themselves. */
    @Inject
    public Liquidations(PaperAccountStore store, MarginCalculator calculator, MarginAdvice advice, Notifier notifier,
                        Clock clock) {
        this.store = store;
        this.calculator = calculator;
        this.advice = advice;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** An isolated position whose mark crossed its liquidation price: it closes and its margin is lost. */
    @Transactional
    public Optional<Notice.IsolatedLiquidated> liquidateIsolated(long userId, long positionId, BigDecimal mark) {
        return liquidateIsolated(List.of(new DueIsolated(userId, positionId, mark))).notices().stream().findFirst();
    }

    /**
     * An isolated position the tick found past its liquidation price at {@code mark}.
     *
     * @param judged the tick's exact verdict at {@code mark} (its position as the tick held it); null when unknown
     */
    public record DueIsolated(long userId, long positionId, BigDecimal mark, PositionRisk judged) {

        public DueIsolated(long userId, long positionId, BigDecimal mark) {
            this(userId, positionId, mark, null);
        }
    }

    /**
     * What a batch of liquidations wrote: the notices queued, and the book of every account it changed as committed
     * (wallet after the losses, the positions still open), from which the risk index rebuilds those books without
     * reading them again.
     */
    public record IsolatedBatch(List<Notice.IsolatedLiquidated> notices, List<OpenBook> booksAfter) {
    }

    /** One position closed by a batch, with what its notice says. */
    private record Closed(StoredPosition stored, BigDecimal mark, PositionRisk risk) {
    }

    /**
     * {@link #liquidateIsolated} for many positions in one transaction (a crash liquidates thousands in one tick), set
     * by set: the owners' accounts locked and their open positions read in one query each, the stale warnings of
     * every liquidated position withdrawn in one statement, then the positions, wallets, ledger rows and notices
     * written table by table, so that the commit sends them as JDBC batches. All of them, or none.
     */
    @Transactional
    public IsolatedBatch liquidateIsolated(List<DueIsolated> due) {
        Map<Long, List<DueIsolated>> byOwner = new LinkedHashMap<>();
        due.forEach(d -> byOwner.computeIfAbsent(d.userId(), u -> new ArrayList<>()).add(d));
        Map<Long, PaperAccount> accounts = store.lockAll(byOwner.keySet());
        Map<Long, List<StoredPosition>> open = store.openPositionsOf(accounts.keySet());
        Map<Long, List<Closed>> closedByOwner = new LinkedHashMap<>();
        List<OpenBook> booksAfter = new ArrayList<>();
        for (Map.Entry<Long, List<DueIsolated>> owner : byOwner.entrySet()) { // in the tick's order: worst first
            long userId = owner.getKey();
            PaperAccount account = accounts.get(userId);
            if (account == null) {
                continue;
            }
            Map<Long, StoredPosition> stillOpen = new LinkedHashMap<>();
            open.getOrDefault(userId, List.of()).forEach(p -> stillOpen.put(p.id(), p));
            List<Closed> closed = liquidatedOf(owner.getValue(), stillOpen);
            if (!closed.isEmpty()) {
                closedByOwner.put(userId, closed);
                BigDecimal lost = closed.stream().map(c -> c.stored().position().isolatedMargin())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                booksAfter.add(new OpenBook(new PaperAccount(userId, account.displayName(),
                        account.walletBalance().subtract(lost), account.createdAt()), List.copyOf(stillOpen.values())));
            }
        }
        if (booksAfter.isEmpty()) {
            return new IsolatedBatch(List.of(), List.of());
        }
        List<Closed> all = closedByOwner.values().stream().flatMap(List::stream).toList();
        notifier.retractAll(all.stream().map(c -> new Notifier.Retraction(c.stored().userId(),
                Subject.position(c.stored().id()))).toList());
        Instant now = clock.instant();
        for (Closed c : all) {
            store.recordExit(c.stored().userId(), c.stored().id(), c.stored().position().quantity(), c.mark(),
                    ExitKind.LIQUIDATION);
            store.close(c.stored().userId(), c.stored().id(), PositionStatus.LIQUIDATED,
                    c.stored().position().isolatedMargin().negate(), now);
        }
        booksAfter.forEach(book -> store.updateWallet(book.account().userId(), book.account().walletBalance()));
        for (Closed c : all) {
            store.record(c.stored().userId(), LedgerKind.LIQUIDATION, c.stored().position().isolatedMargin().negate(),
                    c.stored().id(), now);
        }
        List<Notice.IsolatedLiquidated> notices = all.stream().map(this::notice).toList();
        notifier.notifyAll(notices);
        return new IsolatedBatch(notices, List.copyOf(booksAfter));
    }

    /**
     * The owner's due positions that are still open, isolated and past their liquidation price at their mark, judged
     * on the rows read under the lock; each is removed from {@code stillOpen} (a position listed twice goes once).
     */
    private List<Closed> liquidatedOf(List<DueIsolated> due, Map<Long, StoredPosition> stillOpen) {
        List<Closed> closed = new ArrayList<>();
        for (DueIsolated d : due) {
            StoredPosition stored = stillOpen.get(d.positionId());
            if (stored == null || !stored.position().isIsolated()) {
                continue;
            }
            PositionRisk risk = verdict(d, stored.position());
            if (risk.liquidatedAtMark()) {
                stillOpen.remove(d.positionId());
                closed.add(new Closed(stored, d.mark(), risk));
            }
        }
        return closed;
    }

    /**
     * The exact verdict on the locked position at the due mark. The engine's verdict depends only on the position's
     * terms, the mark and the maintenance tiers, so when the locked row has exactly the terms the tick judged (same
     * values and scales) at the same mark, the tick's verdict is this one and is not computed twice (a crash
     * liquidates thousands); when anything differs (margin added, size changed meanwhile) it is computed again from
     * the locked row. Either way the decision is made on the state read under the lock. (The tiers are those the
     * tick judged with; a tier refresh reaches the next tick.)
     */
    private PositionRisk verdict(DueIsolated due, Position locked) {
        PositionRisk judged = due.judged();
        if (judged != null && judged.position().equals(locked) && judged.markPrice().equals(due.mark())) {
            return judged;
        }
        return calculator.isolated(locked, due.mark());
    }

    private Notice.IsolatedLiquidated notice(Closed c) {
        Position position = c.stored().position();
        return new Notice.IsolatedLiquidated(c.stored().userId(), c.stored().number(), position.symbol(),
                position.side(), position.quantity(), c.mark(), c.risk().liquidationPrice(),
                position.isolatedMargin(), advice.isolatedRescueMargin(position, c.mark()), position.id());
    }

    /**
     * A cross pool whose margin ratio reached 100%: every cross position closes and the cross wallet is lost.
     * Needs a mark for every symbol held in cross; does nothing otherwise.
     */
    @Transactional
    public Optional<Notice.CrossLiquidated> liquidateCross(long userId, Map<String, BigDecimal> marks) {
        Optional<PaperAccount> account = store.lock(userId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        List<StoredPosition> positions = store.openPositions(userId);
        List<PricedPosition> priced = new ArrayList<>();
        for (StoredPosition stored : positions) {
            BigDecimal mark = marks.get(stored.position().symbol());
            if (mark == null) {
                return Optional.empty();
            }
            priced.add(new PricedPosition(stored.position(), mark));
        }
        AccountRisk risk = calculator.account(account.get().walletBalance(), priced);
        if (!risk.cross().liquidated()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BigDecimal walletLost = risk.cross().walletBalance().max(BigDecimal.ZERO);
        List<Notice.CrossLiquidated.ClosedPosition> closed = new ArrayList<>();
        List<PricedPosition> crossPositions = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            StoredPosition stored = positions.get(i);
            if (stored.position().isIsolated()) {
                continue;
            }
            crossPositions.add(priced.get(i));
            PositionRisk positionRisk = risk.positions().get(i);
            store.recordExit(userId, stored.id(), stored.position().quantity(), priced.get(i).markPrice(),
                    ExitKind.LIQUIDATION);
            store.close(userId, stored.id(), PositionStatus.LIQUIDATED, positionRisk.unrealizedPnl(), now);
            closed.add(new Notice.CrossLiquidated.ClosedPosition(stored.number(), stored.position().symbol(),
                    stored.position().side(), stored.position().quantity()));
        }
        store.updateWallet(userId, account.get().walletBalance().subtract(walletLost));
        store.record(userId, LedgerKind.LIQUIDATION, walletLost.negate(), null, now);
        Notice.CrossLiquidated notice = new Notice.CrossLiquidated(userId, closed, walletLost,
                advice.crossRescueDeposit(risk.cross().walletBalance(), crossPositions));
        notifier.retract(userId, Subject.crossPool(userId));
        notifier.notify(notice);
        return Optional.of(notice);
    }
}
