package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The outcome of adding margin to, or removing it from, an isolated position.
 *
 * @param refusal   why it was refused, in English (null when accepted)
 * @param reason    the same as a code, so that a chat can say it in the user's language (null when accepted)
 * @param allowance the allowance exceeded, for {@link Reason#BEYOND_ALLOWANCE}
 */
public record MarginChange(boolean accepted, Position position, BigDecimal liquidationPrice, String refusal,
                           Reason reason, MarginAllowance allowance) {

    /** Why a margin change was refused. */
    public enum Reason { NOT_POSITIVE, BEYOND_ALLOWANCE, KEEP_SOME_MARGIN, WOULD_LIQUIDATE }

    public static MarginChange accepted(Position position, BigDecimal liquidationPrice) {
        return new MarginChange(true, Objects.requireNonNull(position), liquidationPrice, null, null, null);
    }

    public static MarginChange refused(Position unchanged, Reason reason, String english) {
        return new MarginChange(false, unchanged, null, Objects.requireNonNull(english), Objects.requireNonNull(reason),
                null);
    }

    /** Refused because more than {@code allowance} allows was asked for. */
    public static MarginChange beyond(Position unchanged, MarginAllowance allowance, String english) {
        return new MarginChange(false, unchanged, null, Objects.requireNonNull(english), Reason.BEYOND_ALLOWANCE,
                Objects.requireNonNull(allowance));
    }
}
