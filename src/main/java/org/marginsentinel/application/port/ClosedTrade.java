package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.marginsentinel.domain.margin.Side;

/**
 * A paper position that is no longer open, with what it booked.
 *
 * @param entryPrice    its (average) entry price when it closed
 * @param exitPrice     the average price its closed quantity left at; null when unknown (liquidations from before
 *                      trade history was kept)
 * @param size          the quantity it closed in all
 * @param realizedPnl   PnL booked by its closes (for a liquidation: the margin lost, or the cross position's PnL at
 *                      the liquidating mark)
 * @param fees          taker fees booked to it (negative)
 * @param funding       funding booked to it (received positive)
 * @param lastFillOnly  closed before trade history was kept: size and exit are those of its last fill only
 */
public record ClosedTrade(long positionId, int number, String symbol, Side side, BigDecimal entryPrice,
                          BigDecimal exitPrice, BigDecimal size, BigDecimal realizedPnl, BigDecimal fees,
                          BigDecimal funding, Instant openedAt, Instant closedAt, ExitKind endedBy,
                          boolean lastFillOnly) {

    public Duration duration() {
        return Duration.between(openedAt, closedAt);
    }

    /** What the trade did to the wallet in all. */
    public BigDecimal net() {
        return realizedPnl.add(fees).add(funding);
    }
}
