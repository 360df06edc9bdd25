package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Funding of a perpetual at one funding time, as Binance USDⓈ-M books it: every open position pays or receives
 * {@code size × mark × funding rate}; with a positive rate longs pay and shorts receive, with a negative rate the
 * reverse. An isolated position's payment is booked to its isolated margin (so its liquidation price moves), a
 * cross position's to the cross wallet.
 */
public final class Funding {

    private Funding() {
    }

    /** What the position's holder receives (negative: pays) at this mark and rate. */
    public static BigDecimal received(Position position, BigDecimal mark, BigDecimal rate) {
        return position.quantity().multiply(mark).multiply(rate).multiply(position.side().signDecimal()).negate();
    }

    /**
     * The position after receiving {@code amount} (negative: paying). An isolated margin never reaches zero or below
     * by funding: a position that could not pay is liquidated first; the rest stays unpaid ({@link #payable}).
     */
    public static Position booked(Position position, BigDecimal amount) {
        if (!position.isIsolated()) {
            return position;
        }
        return position.withIsolatedMargin(position.isolatedMargin().add(amount));
    }

    /**
     * The part of a payment the position can make: all of it, except when an isolated margin would be used up (a
     * position that far under water is liquidated at its next mark; it is never booked below zero margin).
     */
    public static BigDecimal payable(Position position, BigDecimal amount) {
        if (!position.isIsolated() || amount.signum() >= 0) {
            return amount;
        }
        BigDecimal floor = position.isolatedMargin().multiply(new BigDecimal("0.000001"));
        BigDecimal most = position.isolatedMargin().subtract(floor);
        return amount.negate().compareTo(most) <= 0 ? amount : most.negate();
    }

    /**
     * The account after its position at {@code index} receives {@code amount} (negative: pays) at the marks it was
     * valued at: an isolated position's margin changes (what it can pay, {@link #payable}), a cross position's
     * payment goes to the cross wallet. The positions keep their order.
     */
    public static AccountRisk afterPayment(MarginCalculator calculator, AccountRisk account, int index,
                                           BigDecimal amount) {
        List<PricedPosition> priced = new ArrayList<>(account.positions().size());
        BigDecimal booked = amount;
        for (int i = 0; i < account.positions().size(); i++) {
            PositionRisk risk = account.positions().get(i);
            Position position = risk.position();
            if (i == index && position.isIsolated()) {
                booked = payable(position, amount);
                position = booked(position, booked);
            }
            priced.add(new PricedPosition(position, risk.markPrice()));
        }
        return calculator.account(account.walletBalance().add(booked), priced);
    }
}
