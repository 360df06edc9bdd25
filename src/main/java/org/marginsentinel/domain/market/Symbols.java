package org.marginsentinel.domain.market;

import java.util.Locale;
import java.util.Optional;

/**
 * Exchange symbols of USDT-margined perpetuals, such as {@code BTCUSDT} or {@code 1000PEPEUSDT}.
 *
 * <p>{@link #normalize(String)} turns what a user types ({@code btc}, {@code BTC/USDT},
 * {@code btc-usdt}, {@code 1000pepe}) into the exchange symbol. It only shapes the text: whether
 * the exchange actually lists the symbol is for the price feed to say.
 */
public final class Symbols {

    /** The quote asset of every symbol we handle. */
    public static final String QUOTE = "USDT";

    /** The suffix some venues and charting sites give perpetuals ({@code BTC-PERP}). */
    private static final String PERPETUAL = "PERP";

    /** Longest symbol (and longest user input) we accept. */
    public static final int MAX_LENGTH = 20;

    private Symbols() {
    }

    /**
     * The exchange symbol for a user's input, or empty when the input cannot be one.
     *
     * <p>Accepted: ASCII letters and digits, optionally written as {@code BASE/USDT},
     * {@code BASE-USDT} or {@code BASE-PERP}, with or without the {@code USDT} suffix, in any case, surrounded by
     * whitespace. Rejected: empty or blank input, more than {@value #MAX_LENGTH} characters, any
     * other character (spaces inside, underscores, emoji, non-ASCII letters), a quote other than
     * USDT after a separator, and a bare {@code USDT}.
     */
    public static Optional<String> normalize(String userInput) {
        if (userInput == null) {
            return Optional.empty();
        }
        String trimmed = userInput.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || !onlyAsciiAlphanumericOrSeparator(trimmed)) {
            return Optional.empty();
        }
        // Safe: the text is ASCII only, so upper-casing cannot change its length or letters.
        String upper = trimmed.toUpperCase(Locale.ROOT);
        int separator = indexOfSeparator(upper);
        String symbol;
        if (separator >= 0) {
            String base = upper.substring(0, separator);
            String quote = upper.substring(separator + 1);
            if (QUOTE.equals(quote)) {
                symbol = base + QUOTE;
            } else if (PERPETUAL.equals(quote)) { // BTC-PERP, BTCUSDT-PERP: the USDT perpetual
                symbol = base.endsWith(QUOTE) ? base : base + QUOTE;
            } else {
                return Optional.empty();
            }
        } else {
            symbol = upper.endsWith(QUOTE) ? upper : upper + QUOTE;
        }
        return isUsdtSymbol(symbol) ? Optional.of(symbol) : Optional.empty();
    }

    /**
     * True when the text has the shape of a USDT perpetual symbol: upper-case ASCII letters and
     * digits, a non-empty base, the {@code USDT} suffix and at most {@value #MAX_LENGTH} characters.
     * Dated contracts ({@code BTCUSDT_261225}), coin-margined ({@code BTCUSD_PERP}) and USDC
     * contracts do not match.
     */
    public static boolean isUsdtSymbol(String symbol) {
        if (symbol == null || symbol.length() <= QUOTE.length() || symbol.length() > MAX_LENGTH
                || !symbol.endsWith(QUOTE)) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The base asset of a symbol: {@code BTCUSDT} gives {@code BTC}, {@code 1000PEPEUSDT} gives
     * {@code 1000PEPE} (the exchange's unit, priced per 1,000 PEPE).
     *
     * @throws IllegalArgumentException if {@code symbol} is not a USDT symbol
     */
    public static String base(String symbol) {
        if (!isUsdtSymbol(symbol)) {
            throw new IllegalArgumentException("symbol must be a USDT symbol such as BTCUSDT: " + symbol);
        }
        return symbol.substring(0, symbol.length() - QUOTE.length());
    }

    private static boolean onlyAsciiAlphanumericOrSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !digit && !isSeparator(c)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSeparator(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '-';
    }
}
