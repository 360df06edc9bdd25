package org.marginsentinel.application.history;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The span of {@code /pnl}: today, the last 7 or the last 30 days, today included; days are UTC days. */
public enum PnlPeriod {
    DAY(1, "today"), WEEK(7, "last 7 days"), MONTH(30, "last 30 days");

    private final int days;
    private final String label;

    PnlPeriod(int days, String label) {
        this.days = days;
        this.label = label;
    }

    public int days() {
        return days;
    }

    public String label() {
        return label;
    }

    /** The first UTC day of the period that ends with {@code today}. */
    public LocalDate firstDay(LocalDate today) {
        return today.minusDays(days - 1L);
    }

    public static Optional<PnlPeriod> parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "day", "today", "d" -> Optional.of(DAY);
            case "week", "w", "7d" -> Optional.of(WEEK);
            case "month", "m", "30d" -> Optional.of(MONTH);
            default -> Optional.empty();
        };
    }
}
