package org.marginsentinel.application;

import java.math.BigDecimal;
import java.time.Instant;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.paper.Netting;

/**
 * Writes an order {@link PaperTrading} has checked: the position rows, the realised PnL and the taker fee, each
 * money change with its ledger line, in the caller's transaction with the account locked.
 */
final class TradeBooking {

    private final PaperAccountStore store;

    TradeBooking(PaperAccountStore store) {
        this.store = store;
    }

    /** A fill by a trader's order ({@link ExitKind#CLOSE} for what it closes). */
    Integer book(PaperAccount account, StoredPosition existing, Netting netting, BigDecimal fee, BigDecimal fillPrice,
                 Instant now) {
        return book(account, existing, netting, fee, fillPrice, ExitKind.CLOSE, now);
    }

    /**
     * @param exitKind what the closed part (if any) of the fill counts as in the trade history
     * @return the number of the symbol's position afterwards, or null when the order closed it
     */
    Integer book(PaperAccount account, StoredPosition existing, Netting netting, BigDecimal fee, BigDecimal fillPrice,
                 ExitKind exitKind, Instant now) {
        long userId = account.userId();
        Long closedId = existing != null && netting.closedQuantity().signum() > 0 ? existing.id() : null;
        if (closedId != null) {
            store.recordExit(userId, closedId, netting.closedQuantity(), fillPrice, exitKind);
        }
        StoredPosition resulting = null;
        if (netting.position() == null) {
            store.close(userId, existing.id(), PositionStatus.CLOSED, netting.realizedPnl(), now);
        } else if (netting.position().sameAsBefore()) {
            store.update(userId, existing.id(), netting.position().position());
            resulting = existing;
        } else {
            if (existing != null) { // a flip: the other side keeps the position's number
                store.close(userId, existing.id(), PositionStatus.CLOSED, netting.realizedPnl(), now);
                resulting = store.insertUnderNumber(userId, existing.number(), netting.position().position(), now);
            } else {
                resulting = store.insert(userId, netting.position().position(), now);
            }
        }
        BigDecimal wallet = account.walletBalance().add(netting.realizedPnl()).subtract(fee);
        if (wallet.compareTo(account.walletBalance()) != 0) {
            store.updateWallet(userId, wallet);
        }
        if (netting.realizedPnl().signum() != 0) {
            store.record(userId, LedgerKind.REALIZED_PNL, netting.realizedPnl(), closedId, now);
        }
        if (fee.signum() != 0) {
            // booked to the position the fill traded: the new one of an open or flip, else the one it reduced
            Long feePosition = resulting != null ? Long.valueOf(resulting.id()) : closedId;
            store.record(userId, LedgerKind.FEE, fee.negate(), feePosition, now);
        }
        return resulting == null ? null : resulting.number();
    }
}
