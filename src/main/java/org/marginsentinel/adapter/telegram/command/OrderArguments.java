package org.marginsentinel.adapter.telegram.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.market.Symbols;

/**
 * Parses {@code <symbol> <size> [<leverage>x] [isolated|cross] [@<entry>]}: the size is a base quantity
 * ({@code 0.5}, {@code 0.5 btc}) or a USDT notional ({@code $5000}, {@code 5000$}, {@code 5000usdt},
 * {@code 5000 usdt}); the leverage may be written {@code 20x}, {@code x20} or, after the size, a bare {@code 20};
 * the optional parts may come in any order, once each.
 */
public final class OrderArguments {

    /** A size with its unit glued on: {@code 100usdt}, {@code 100$}, {@code $100}, {@code 0.5btc}. */
    private static final Pattern GLUED_UNIT = Pattern.compile("(?i)([0-9.,]+)([a-z$]+)");

    private OrderArguments() {
    }

    public static OpenOrder parse(Side side, List<String> args) {
        if (args.size() < 2) {
            throw CommandRejected.text("refusals.order.tooFew.refused");
        }
        if (args.size() > 6) {
            throw CommandRejected.text("refusals.order.tooMany.refused");
        }
        String symbol = Arguments.symbol(args.get(0));
        String base = Symbols.base(symbol);
        String size = args.get(1);
        List<String> options = args.subList(2, args.size());
        String unit = null;
        if (size.startsWith("$")) {
            size = size.substring(1);
            unit = "$";
        } else {
            Matcher glued = GLUED_UNIT.matcher(size);
            if (glued.matches()) {
                size = glued.group(1);
                unit = glued.group(2);
            } else if (!options.isEmpty() && isUnit(options.get(0), base)) {
                unit = options.get(0);
                options = options.subList(1, options.size());
            }
        }
        BigDecimal quantity = null;
        BigDecimal notional = null;
        if (unit == null || unit.equalsIgnoreCase(base)) {
            quantity = Arguments.positiveNumber(size, NumberName.SIZE);
        } else if (isNotional(unit)) {
            notional = Arguments.positiveNumber(size, NumberName.USDT_AMOUNT);
        } else {
            throw CommandRejected.text("refusals.order.unit.refused", Arguments.quoted(unit), base);
        }
        Integer leverage = null;
        MarginMode mode = null;
        BigDecimal entry = null;
        for (String option : options) {
            if (option.startsWith("@")) {
                if (entry != null) {
                    throw CommandRejected.text("refusals.order.entryTwice.refused");
                }
                entry = Arguments.positiveNumber(option.substring(1), NumberName.ENTRY_PRICE);
            } else if (Arguments.isMarkedLeverage(option) || Arguments.isBareLeverage(option)) {
                if (leverage != null) {
                    throw Arguments.isBareLeverage(option)
                            ? CommandRejected.text("refusals.order.secondLeverage.refused", Arguments.quoted(option),
                            String.valueOf(leverage))
                            : CommandRejected.text("refusals.order.leverageTwice.refused");
                }
                leverage = Arguments.leverage(option);
            } else if (MarginMode.parse(option).isPresent()) {
                if (mode != null) {
                    throw CommandRejected.text("refusals.order.modeTwice.refused");
                }
                mode = MarginMode.parse(option).get();
            } else {
                throw CommandRejected.text("refusals.order.option.refused", Arguments.quoted(option));
            }
        }
        return new OpenOrder(symbol, side, quantity, notional, leverage, mode, entry);
    }

    private static boolean isUnit(String token, String base) {
        return isNotional(token) || token.equalsIgnoreCase(base);
    }

    private static boolean isNotional(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        return lower.equals("$") || lower.equals("usdt");
    }
}
