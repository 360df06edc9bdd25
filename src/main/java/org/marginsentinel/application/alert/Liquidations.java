package org.marginsentinel.application.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
        Optional<PaperAccount> account = store.lock(userId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredPosition> stored = store.openPositions(userId).stream().filter(p -> p.id() == positionId)
                .findFirst();
        if (stored.isEmpty() || !stored.get().position().isIsolated()) {
            return Optional.empty();
        }
        Position position = stored.get().position();
        PositionRisk risk = calculator.isolated(position, mark);
        if (!risk.liquidatedAtMark()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BigDecimal lost = position.isolatedMargin();
        store.close(userId, positionId, PositionStatus.LIQUIDATED, lost.negate(), now);
        store.updateWallet(userId, account.get().walletBalance().subtract(lost));
        store.record(userId, LedgerKind.LIQUIDATION, lost.negate(), positionId, now);
        Notice.IsolatedLiquidated notice = new Notice.IsolatedLiquidated(userId, stored.get().number(),
                position.symbol(), position.side().name(), position.quantity(), mark, risk.liquidationPrice(), lost,
                advice.isolatedRescue(position, mark).marginToAdd());
        notifier.notify(notice);
        return Optional.of(notice);
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
        notifier.notify(notice);
        return Optional.of(notice);
    }
}
