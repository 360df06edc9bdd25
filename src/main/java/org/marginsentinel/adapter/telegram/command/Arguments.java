package org.marginsentinel.adapter.telegram.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.Worded;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.market.Symbols;

/**
 * Reads chat-command arguments forgivingly but never by guessing: a decimal comma ({@code 0,01}) and thousands
 * separators ({@code 1,000,000}, {@code 1,000.5}) are read, while {@code 1,000} alone, which could be either, is
 * asked about ({@link AmbiguousInput}); {@code 1e3} is refused.
 */
public final class Arguments {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d{1,15}(\\.\\d{1,18})?|\\.\\d{1,18}");
    /** One comma that could group thousands or mark decimals: 1,000 or 12,500 (never 0,001: no group starts at 0). */
    private static final Pattern EITHER_COMMA = Pattern.compile("[1-9]\\d{0,2},\\d{3}");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d{1,15},\\d{1,18}");
    private static final Pattern THOUSANDS = Pattern.compile("[1-9]\\d{0,2}(,\\d{3})+(\\.\\d{1,18})?");
    private static final Pattern LEVERAGE = Pattern.compile("(?i)x?(\\d{1,4})x?");

    private Arguments() {
    }

    public static BigDecimal positiveNumber(String token, NumberName what) {
        token = plainDigits(token, what);
        if (token == null || !PLAIN_NUMBER.matcher(token).matches()) {
            throw CommandRejected.text(what.invalidKey(), quoted(token));
        }
        BigDecimal value = new BigDecimal(token);
        if (value.signum() <= 0) {
            throw CommandRejected.text(what.notPositiveKey());
        }
        return value;
    }

    /**
     * The number written with a dot and no separators: {@code 0,01} → {@code 0.01}, {@code 1,000,000} → {@code 1000000},
     * {@code 1,000.5} → {@code 1000.5}; other text unchanged. {@code 1,000} (either reading) is asked about.
     */
    static String plainDigits(String token, NumberName what) {
        if (token == null || token.indexOf(',') < 0) {
            return token;
        }
        if (EITHER_COMMA.matcher(token).matches()) {
            String thousands = token.replace(",", "");
            String decimal = token.replace(',', '.');
            throw AmbiguousInput.text(what.commaQuestionKey(), token, List.of(new AmbiguousInput.Reading(thousands,
                    thousands), new AmbiguousInput.Reading(decimal, decimal)), token, thousands, decimal);
        }
        boolean grouped = THOUSANDS.matcher(token).matches() && (token.indexOf('.') >= 0 || token.indexOf(',') != token.lastIndexOf(','));
        if (grouped) {
            return token.replace(",", "");
        }
        return DECIMAL_COMMA.matcher(token).matches() ? token.replace(',', '.') : token;
    }

    /** A leverage written {@code 20x}, {@code x20}, {@code X20} or {@code 20X}. */
    public static boolean isMarkedLeverage(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return (lower.endsWith("x") || lower.startsWith("x")) && LEVERAGE.matcher(token).matches();
    }

    /** A whole number that can only be a leverage where a leverage may come ({@code 20} after the size). */
    public static boolean isBareLeverage(String token) {
        return token.matches("\\d{1,4}");
    }

    public static String symbol(String token) {
        return Symbols.normalize(token).orElseThrow(() ->
                CommandRejected.text("refusals.symbol.invalid.refused", quoted(token)));
    }

    public static int leverage(String token) {
        var matcher = LEVERAGE.matcher(token);
        if (!matcher.matches()) {
            throw CommandRejected.text("refusals.leverage.invalid.refused", quoted(token));
        }
        int leverage = Integer.parseInt(matcher.group(1));
        if (leverage < 1 || leverage > Position.MAX_LEVERAGE) {
            throw CommandRejected.text("refusals.leverage.range.refused", String.valueOf(Position.MAX_LEVERAGE));
        }
        return leverage;
    }

    public static Optional<BigDecimal> percent(String token) {
        if (!token.endsWith("%")) {
            return Optional.empty();
        }
        BigDecimal percent = positiveNumber(token.substring(0, token.length() - 1), NumberName.PERCENTAGE);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw CommandRejected.text("refusals.percentage.tooLarge.refused");
        }
        return Optional.of(percent);
    }

    /**
     * Shows a user's token in an error without echoing megabytes or markup, quoted the reader's way: "…" in English,
     * «…» in Russian.
     */
    public static String quote(String token, Texts texts) {
        if (token == null) {
            return texts.get("common.quoted.nothing");
        }
        return texts.get("common.quoted", Text.shorten(token, 25));
    }

    /** A quoted token for {@code CommandRejected.text}: worded in the reader's language when the refusal is. */
    public static Worded quoted(String token) {
        return new Quoted(token);
    }

    private record Quoted(String token) implements Worded {

        @Override
        public String in(Texts texts) {
            return quote(token, texts);
        }

        /** For logs: the English wording. */
        @Override
        public String toString() {
            return quote(token, Texts.of(Language.EN));
        }
    }
}
