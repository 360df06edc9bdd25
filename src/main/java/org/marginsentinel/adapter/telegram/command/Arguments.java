package org.marginsentinel.adapter.telegram.command;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.market.Symbols;

/** Reads chat-command arguments strictly: "1,000" or "1e3" are refused rather than guessed. */
public final class Arguments {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d{1,15}(\\.\\d{1,18})?|\\.\\d{1,18}");
    private static final Pattern LEVERAGE = Pattern.compile("(?i)x?(\\d{1,4})x?");

    private Arguments() {
    }

    public static BigDecimal positiveNumber(String token, String what) {
        if (token == null || !PLAIN_NUMBER.matcher(token).matches()) {
            throw new CommandRejected(quote(token) + " is not a valid " + what + ". Write plain digits, e.g. 0.5 or 1500.");
        }
        BigDecimal value = new BigDecimal(token);
        if (value.signum() <= 0) {
            throw new CommandRejected("The " + what + " must be greater than 0.");
        }
        return value;
    }

    public static String symbol(String token) {
        return Symbols.normalize(token).orElseThrow(() ->
                new CommandRejected(quote(token) + " is not a symbol. Use a USDT perpetual such as BTC or ETHUSDT."));
    }

    public static boolean isLeverage(String token) {
        return token.toLowerCase(Locale.ROOT).endsWith("x") && LEVERAGE.matcher(token).matches();
    }

    public static int leverage(String token) {
        var matcher = LEVERAGE.matcher(token);
        if (!matcher.matches()) {
            throw new CommandRejected(quote(token) + " is not a leverage. Write it like 10x.");
        }
        int leverage = Integer.parseInt(matcher.group(1));
        if (leverage < 1 || leverage > Position.MAX_LEVERAGE) {
            throw new CommandRejected("Leverage must be between 1x and " + Position.MAX_LEVERAGE + "x.");
        }
        return leverage;
    }

    public static Optional<BigDecimal> percent(String token) {
        if (!token.endsWith("%")) {
            return Optional.empty();
        }
        BigDecimal percent = positiveNumber(token.substring(0, token.length() - 1), "percentage");
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new CommandRejected("A percentage can be at most 100%.");
        }
        return Optional.of(percent);
    }

    /** Shows a user's token in an error without echoing megabytes or markup. */
    public static String quote(String token) {
        if (token == null) {
            return "(nothing)";
        }
        String shortened = Text.shorten(token, 25);
        return "\"" + shortened + "\"";
    }
}
