package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.application.port.FundingLedger;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.paper.Funding;

/**
 * The transactions of funding settlement ({@link FundingSettlement} decides when): one account at a time, with the
 * account locked, each position's payment booked together with the record that it was made, so a retry or a
 * restart finds it paid and books nothing twice.
 */
@ApplicationScoped
public class FundingBooking {

    private final PaperAccountStore store;
    private final FundingLedger ledger;

    /** The store's writes tell the risk index of every funding payment by themselves. */
    @Inject
    public FundingBooking(PaperAccountStore store, FundingLedger ledger) {
        this.store = store;
        this.ledger = ledger;
    }

    @Transactional
    public void announce(List<FundingRate> announcements) {
        announcements.forEach(a -> ledger.announce(a.symbol(), a.nextFundingTime(), a.rate()));
    }

    @Transactional
    public List<FundingDue> due(Instant now) {
        return ledger.due(now);
    }

    @Transactional
    public List<Long> holders(FundingDue due) {
        return ledger.holders(due.symbol(), due.fundingTime());
    }

    @Transactional
    public void settled(FundingDue due) {
        ledger.settled(due.symbol(), due.fundingTime());
    }

    /**
     * Books the funding of each of the user's positions in the symbol that was open at the funding time and is not
     * paid yet, at {@code mark}: an isolated position's from and to its margin, a cross position's from and to the
     * cross wallet (never below zero by funding: what it cannot pay is waived). Returns the payments booked.
     */
    @Transactional
    public List<Payment> settle(long userId, FundingDue due, BigDecimal mark, Instant now) {
        Optional<PaperAccount> account = store.lock(userId);
        if (account.isEmpty()) {
            return List.of();
        }
        List<StoredPosition> open = store.openPositions(userId);
        BigDecimal wallet = account.get().walletBalance();
        BigDecimal crossWallet = wallet.subtract(open.stream().map(StoredPosition::position)
                .filter(Position::isIsolated).map(Position::isolatedMargin).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<Payment> payments = new ArrayList<>();
        for (StoredPosition stored : open) {
            Position position = stored.position();
            if (!position.symbol().equals(due.symbol()) || stored.openedAt().isAfter(due.fundingTime())
                    || ledger.paid(stored.id(), due.fundingTime())) {
                continue;
            }
            BigDecimal received = Funding.payable(position, Funding.received(position, mark, due.rate()));
            if (!position.isIsolated() && received.signum() < 0) {
                received = received.max(crossWallet.max(BigDecimal.ZERO).negate());
                crossWallet = crossWallet.add(received);
            }
            if (position.isIsolated()) {
                store.update(userId, stored.id(), Funding.booked(position, received));
            }
            wallet = wallet.add(received);
            store.record(userId, LedgerKind.FUNDING, received, stored.id(), now);
            ledger.recordPayment(userId, stored.id(), due.symbol(), due.fundingTime(), due.rate(), mark, received);
            payments.add(new Payment(stored, received));
        }
        if (!payments.isEmpty()) {
            store.updateWallet(userId, wallet);
        }
        return payments;
    }

    /** One position's funding: {@code received} is negative when it paid. */
    public record Payment(StoredPosition position, BigDecimal received) {
    }
}
