package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of a paper wallet, as recorded: positive amounts add to the wallet.
 *
 * @param positionId the position the change belongs to (a trade's PnL and fee, a funding payment), or null
 */
public record LedgerEntry(long userId, LedgerKind kind, BigDecimal amount, Instant at, Long positionId) {

    public LedgerEntry(long userId, LedgerKind kind, BigDecimal amount, Instant at) {
        this(userId, kind, amount, at, null);
    }
}
