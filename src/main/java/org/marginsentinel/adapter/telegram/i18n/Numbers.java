package org.marginsentinel.adapter.telegram.i18n;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.SymbolPrecisions;
import org.marginsentinel.application.Figure;

/**
 * Numbers and times as one language writes them: the rules of {@link Fmt} (decimals, rounding, the real minus sign)
 * with the language's separators ("10,000.50" in English, "10 000,50" in Russian, with a no-break space so a
 * number never wraps), prices and sizes at the symbol's own precision where the exchange's tick and step sizes are
 * known ({@link SymbolPrecisions}), and dates with the language's month names. Output is plain text (no escaping
 * needed).
 */
public final class Numbers {

    private static final char NO_BREAK_SPACE = '\u00A0';

    private final Language language;
    private final char groupSeparator;
    private final char decimalSeparator;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter day;

    private Numbers(Language language, char groupSeparator, char decimalSeparator) {
        this.language = language;
        this.groupSeparator = groupSeparator;
        this.decimalSeparator = decimalSeparator;
        Locale locale = language == Language.EN ? Locale.ENGLISH : language.locale();
        this.dayAndTime = DateTimeFormatter.ofPattern("d MMM HH:mm", locale).withZone(ZoneOffset.UTC);
        this.day = DateTimeFormatter.ofPattern("d MMM", locale).withZone(ZoneOffset.UTC);
    }

    static Numbers of(Language language) {
        return language == Language.RU ? new Numbers(language, NO_BREAK_SPACE, ',') : new Numbers(language, ',', '.');
    }

    public Language language() {
        return language;
    }

    /** 2 decimals: "10,000.00" / "10 000,00". */
    public String money(BigDecimal amount) {
        return local(Fmt.money(amount));
    }

    /** Money and its unit: "10,000.00 USDT". */
    public String usdt(BigDecimal amount) {
        return amount == null ? Fmt.MISSING : money(amount) + " USDT";
    }

    /** Money with an explicit sign: "+1,234.56", "−1,234.56". */
    public String signedMoney(BigDecimal amount) {
        return local(Fmt.signedMoney(amount));
    }

    /** A price of {@code symbol}: at its tick size when known ("0.30" for a 0.01 tick), otherwise as {@link Fmt#price}. */
    public String price(String symbol, BigDecimal price) {
        return local(SymbolPrecisions.price(symbol, price));
    }

    /** A size of {@code symbol}: at its step size when known, otherwise as {@link Fmt#quantity}. */
    public String quantity(String symbol, BigDecimal quantity) {
        return local(SymbolPrecisions.quantity(symbol, quantity));
    }

    /** A price with decimals that suit its size, for when no symbol is at hand ({@link Fmt#price}). */
    public String price(BigDecimal price) {
        return local(Fmt.price(price));
    }

    /** A size with at most 8 decimals, trailing zeros dropped ({@link Fmt#quantity}). */
    public String quantity(BigDecimal quantity) {
        return local(Fmt.quantity(quantity));
    }

    /** A fraction as a percentage: 0.1234 → "12.34%" / "12,34%". */
    public String percent(BigDecimal fraction) {
        return local(Fmt.percent(fraction));
    }

    /** A rate as a percentage with the digits it has (up to 8 significant): 0.004 → "0.4%", 0.00045 → "0.045%". */
    public String ratePercent(BigDecimal fraction) {
        return fraction == null ? Fmt.MISSING : local(fraction.movePointRight(2).round(new MathContext(8))
                .stripTrailingZeros().toPlainString() + "%");
    }

    /** A percentage with its sign: "+12.34%". */
    public String signedPercent(BigDecimal fraction) {
        return local(Fmt.signedPercent(fraction));
    }

    /** A whole count with separators: 12345 → "12,345". */
    public String count(long count) {
        return local(Fmt.quantity(BigDecimal.valueOf(count)));
    }

    /** A moment in UTC with the day: "5 Dec 14:05" / "5 дек. 14:05". */
    public String dayAndTime(Instant instant) {
        return instant == null ? Fmt.MISSING : dayAndTime.format(instant);
    }

    /** A day in UTC: "5 Dec" / "5 дек.". */
    public String day(Instant instant) {
        return instant == null ? Fmt.MISSING : day.format(instant);
    }

    /** A figure the application handed over unformatted (in a refusal, say), in this language's style. */
    public String figure(Figure figure) {
        return switch (figure.kind()) {
            case MONEY -> money(figure.value());
            case USDT -> usdt(figure.value());
            case SIGNED_USDT -> (figure.value().signum() >= 0 ? "+" : "-") + usdt(figure.value().abs());
            case PRICE -> figure.symbol() == null ? price(figure.value()) : price(figure.symbol(), figure.value());
            case QUANTITY -> figure.symbol() == null ? quantity(figure.value())
                    : quantity(figure.symbol(), figure.value());
            case PERCENT -> percent(figure.value());
            case COUNT -> count(figure.value().longValue());
        };
    }

    /** The English-style number {@code english} with this language's separators. */
    private String local(String english) {
        if (groupSeparator == ',' && decimalSeparator == '.') {
            return english;
        }
        StringBuilder out = new StringBuilder(english.length());
        for (int i = 0; i < english.length(); i++) {
            char c = english.charAt(i);
            out.append(c == ',' ? groupSeparator : c == '.' ? decimalSeparator : c);
        }
        return out.toString();
    }
}
