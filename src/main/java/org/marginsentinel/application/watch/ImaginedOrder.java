package org.marginsentinel.application.watch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.paper.Fill;
import org.marginsentinel.domain.paper.Netting;
import org.marginsentinel.domain.paper.OneWayNetting;
import org.marginsentinel.domain.watch.WatchedPortfolio;

/**
 * {@code /whatif} on a watched account (Hyperliquid or keyed): the order filled at its price (the mark unless it
 * gives one), netted one-way against the symbol's position there, and the account valued before and after with
 * the account's own engine. Nothing is placed. Pure.
 *
 * @param resulting the symbol's position afterwards; null when the order closes it
 * @param risk      the resulting position's risk afterwards; null when closed
 */
record ImaginedOrder(BigDecimal fillPrice, Position resulting, PositionRisk risk, AccountRisk before,
                     AccountRisk after) {

    static ImaginedOrder on(WatchedPortfolio portfolio, String symbol, Optional<PricedPosition> existing,
                            BigDecimal mark, OpenOrder order, MarginMode mode, int leverage) {
        BigDecimal price = order.entryPrice() != null ? order.entryPrice() : mark;
        BigDecimal quantity = order.quantity() != null ? order.quantity()
                : order.quoteNotional().divide(price, 8, RoundingMode.DOWN);
        Netting netting = OneWayNetting.apply(existing.map(PricedPosition::position).orElse(null),
                new Fill(symbol, order.side(), quantity, price, leverage, mode), symbol);
        List<PricedPosition> after = new ArrayList<>();
        for (PricedPosition p : portfolio.positions()) {
            if (!p.position().symbol().equals(symbol)) {
                after.add(p);
            }
        }
        Position resulting = netting.position() == null ? null : netting.position().position();
        if (resulting != null) {
            after.add(new PricedPosition(resulting, mark));
        }
        AccountRisk riskBefore = portfolio.engine().account(portfolio.walletBalance(), portfolio.positions());
        AccountRisk riskAfter = portfolio.engine().account(portfolio.walletBalance().add(netting.realizedPnl()),
                after);
        PositionRisk risk = resulting == null ? null : riskAfter.positions().get(riskAfter.positions().size() - 1);
        return new ImaginedOrder(price, resulting, risk, riskBefore, riskAfter);
    }
}
