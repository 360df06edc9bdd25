package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The most a margin move may take now, and the rule that limits it (said back to the user on a refusal).
 *
 * @param most      never negative
 * @param limitedBy why not more, in a few words, e.g. "the position must keep 280.00 USDT of initial margin…"
 */
public record MarginAllowance(BigDecimal most, String limitedBy) {

    public MarginAllowance {
        Objects.requireNonNull(most, "most");
        Objects.requireNonNull(limitedBy, "limitedBy");
        most = Decimals.max(BigDecimal.ZERO, most);
    }

    public boolean allows(BigDecimal amount) {
        return amount.compareTo(most) <= 0;
    }

    /** A refusal naming the most and why: {@code lead} has one %s for the amount, e.g. "At most %s can be added now". */
    public String refusal(String lead) {
        return String.format(java.util.Locale.ROOT, lead, Decimals.usdt(most)) + ": " + limitedBy + ".";
    }
}
