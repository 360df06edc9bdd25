package org.marginsentinel.adapter.telegram.views;

import java.math.BigDecimal;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.market.Symbols;

/** What an order given as a sum in USDT buys, said alike by /long, /short and /whatif. */
public final class NotionalText {

    private NotionalText() {
    }

    /**
     * "100.00 USDT notional = 0.001 BTC"; when the size was rounded down to the symbol's lot step, "150.00 USDT →
     * 0.001 BTC (100.00 USDT), rounded down to the exchange's 0.001 BTC step". Empty when the size was given in coins.
     *
     * @param quantity the order's size in coins, as filled (or as it would fill)
     * @param price    its fill price
     * @param step     the symbol's lot step, or null when none is known
     */
    public static String line(OpenOrder order, BigDecimal quantity, BigDecimal price, BigDecimal step, Texts texts) {
        if (order.quoteNotional() == null) {
            return "";
        }
        Numbers n = texts.numbers();
        String symbol = order.symbol();
        BigDecimal bought = quantity.multiply(price);
        if (step != null && bought.compareTo(order.quoteNotional()) < 0) {
            return texts.get("open.notionalRounded", n.usdt(order.quoteNotional()), n.quantity(symbol, quantity),
                    Symbols.base(symbol), n.usdt(bought), n.quantity(symbol, step));
        }
        return texts.get("open.notional", n.usdt(order.quoteNotional()), n.quantity(symbol, quantity),
                Symbols.base(symbol));
    }
}
