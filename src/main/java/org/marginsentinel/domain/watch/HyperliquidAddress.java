package org.marginsentinel.domain.watch;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Hyperliquid (EVM) account address: {@code 0x} and 40 hex digits. Checksummed (mixed-case) and plain forms
 * name the same account, so the address is kept in lower case.
 */
public record HyperliquidAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile("0[xX][0-9a-fA-F]{40}");

    public HyperliquidAddress {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a 0x + 40 hex address: " + value);
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** The address in {@code text}, or empty when it is not {@code 0x} + 40 hex digits. */
    public static Optional<HyperliquidAddress> parse(String text) {
        return text != null && FORMAT.matcher(text.strip()).matches()
                ? Optional.of(new HyperliquidAddress(text.strip())) : Optional.empty();
    }

    /** {@code 0x1234…abcd}: enough to tell a user's few accounts apart. */
    public String shortForm() {
        return value.substring(0, 6) + "…" + value.substring(value.length() - 4);
    }
}
