package org.marginsentinel.adapter.telegram.command;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * Parses {@code <symbol> <size> [<leverage>x] [isolated|cross] [@<entry>]}: the size is a base quantity
 * ({@code 0.5}) or a USDT notional ({@code $5000}); the optional parts may come in any order, once each.
 */
public final class OrderArguments {

    private OrderArguments() {
    }

    public static OpenOrder parse(Side side, List<String> args) {
        if (args.size() < 2) {
            throw new CommandRejected("Give at least a symbol and a size.");
        }
        if (args.size() > 5) {
            throw new CommandRejected("Too many arguments.");
        }
        String symbol = Arguments.symbol(args.get(0));
        String size = args.get(1);
        BigDecimal quantity = null;
        BigDecimal notional = null;
        if (size.startsWith("$")) {
            notional = Arguments.positiveNumber(size.substring(1), "USDT amount");
        } else if (size.endsWith("$")) {
            notional = Arguments.positiveNumber(size.substring(0, size.length() - 1), "USDT amount");
        } else {
            quantity = Arguments.positiveNumber(size, "size");
        }
        Integer leverage = null;
        MarginMode mode = null;
        BigDecimal entry = null;
        for (String option : args.subList(2, args.size())) {
            if (option.startsWith("@")) {
                if (entry != null) {
                    throw new CommandRejected("Give the entry price only once.");
                }
                entry = Arguments.positiveNumber(option.substring(1), "entry price");
            } else if (Arguments.isLeverage(option)) {
                if (leverage != null) {
                    throw new CommandRejected("Give the leverage only once.");
                }
                leverage = Arguments.leverage(option);
            } else if (MarginMode.parse(option).isPresent()) {
                if (mode != null) {
                    throw new CommandRejected("Give the margin mode only once.");
                }
                mode = MarginMode.parse(option).get();
            } else {
                throw new CommandRejected("I don't understand " + Arguments.quote(option)
                        + ". Options are a leverage like 20x, isolated or cross, and an entry like @60000.");
            }
        }
        return new OpenOrder(symbol, side, quantity, notional, leverage, mode, entry);
    }
}
