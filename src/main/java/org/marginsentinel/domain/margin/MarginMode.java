package org.marginsentinel.domain.margin;

import java.util.Locale;
import java.util.Optional;

/**
 * Isolated: the position has its own margin, and only that margin can be lost.
 * Cross: every cross position shares the account's cross wallet, and a liquidation takes all of it.
 */
public enum MarginMode {
    ISOLATED, CROSS;

    public static Optional<MarginMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "isolated":
            case "iso":
                return Optional.of(ISOLATED);
            case "cross":
                return Optional.of(CROSS);
            default:
                return Optional.empty();
        }
    }

    public String label() {
        return this == ISOLATED ? "isolated" : "cross";
    }
}
