package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Direction of a position. The sign turns one PnL formula into both: {@code pnl = sign * qty * (mark - entry)}. */
public enum Side {
    LONG(1), SHORT(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    public int sign() {
        return sign;
    }

    public BigDecimal signDecimal() {
        return BigDecimal.valueOf(sign);
    }

    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }

    public static Optional<Side> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "long":
            case "buy":
                return Optional.of(LONG);
            case "short":
            case "sell":
                return Optional.of(SHORT);
            default:
                return Optional.empty();
        }
    }

    public String label() {
        return this == LONG ? "long" : "short";
    }
}
