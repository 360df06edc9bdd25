package org.marginsentinel.application.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;
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
        return liquidateOwnersPositions(userId, List.of(new DueIsolated(userId, positionId, mark))).stream().findFirst();
    }

    /** An isolated position the tick found past its liquidation price at {@code mark}. */
    public record DueIsolated(long userId, long positionId, BigDecimal mark) {
    }

    /**
     * {@link #liquidateIsolated} for many positions in one transaction (a crash liquidates thousands in one tick):
     * each owner's account is locked once and its positions liquidated together. All of them, or none.
     */
    @Transactional
    public List<Notice.IsolatedLiquidated> liquidateIsolated(List<DueIsolated> due) {
        Map<Long, List<DueIsolated>> byOwner = new LinkedHashMap<>();
        due.forEach(d -> byOwner.computeIfAbsent(d.userId(), u -> new ArrayList<>()).add(d));
        List<Notice.IsolatedLiquidated> notices = new ArrayList<>();
        byOwner.forEach((userId, positions) -> notices.addAll(liquidateOwnersPositions(userId, positions)));
        return notices;
    }

    private List<Notice.IsolatedLiquidated> liquidateOwnersPositions(long userId, List<DueIsolated> due) {
        Optional<PaperAccount> account = store.lock(userId);
        if (account.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredPosition> open = new HashMap<>();
        store.openPositions(userId).forEach(p -> open.put(p.id(), p));
        Instant now = clock.instant();
        BigDecimal wallet = account.get().walletBalance();
        List<Notice.IsolatedLiquidated> notices = new ArrayList<>();
        for (DueIsolated d : due) {
            StoredPosition stored = open.remove(d.positionId()); // removed: a position listed twice goes once
            if (stored == null || !stored.position().isIsolated()) {
                continue;
            }
            Position position = stored.position();
            PositionRisk risk = calculator.isolated(position, d.mark());
            if (!risk.liquidatedAtMark()) {
                continue;
            }
            BigDecimal lost = position.isolatedMargin();
            store.close(userId, d.positionId(), PositionStatus.LIQUIDATED, lost.negate(), now);
            wallet = wallet.subtract(lost);
            store.record(userId, LedgerKind.LIQUIDATION, lost.negate(), d.positionId(), now);
            notifier.retract(userId, Subject.position(d.positionId()));
            notices.add(new Notice.IsolatedLiquidated(userId, stored.number(), position.symbol(),
                    position.side().name(), position.quantity(), d.mark(), risk.liquidationPrice(), lost,
                    advice.isolatedRescue(position, d.mark()).marginToAdd(), position.id()));
        }
        if (!notices.isEmpty()) {
            store.updateWallet(userId, wallet);
            notices.forEach(notifier::notify);
        }
        return notices;
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
        List<String> closed = new ArrayList<>();
        List<PricedPosition> crossPositions = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            StoredPosition stored = positions.get(i);
            if (stored.position().isIsolated()) {
                continue;
            }
            crossPositions.add(priced.get(i));
            PositionRisk positionRisk = risk.positions().get(i);
            store.close(userId, stored.id(), PositionStatus.LIQUIDATED, positionRisk.unrealizedPnl(), now);
            closed.add("#" + stored.number() + " " + stored.position().symbol() + " " + stored.position().side().name());
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
