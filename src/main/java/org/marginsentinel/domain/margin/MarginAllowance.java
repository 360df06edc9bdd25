package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The most a margin move may take now, and the rule that limits it (said back to the user on a refusal).
 *
 * @param most      never negative
 * @param limitedBy why not more, in a few words, e.g. "the position must keep 280.00 USDT of initial margin…"
 *                  (English, for the refusals that still quote it)
 * @param limit     the same as a rule and its figures, for words in the user's language; null when not known
 */
public record MarginAllowance(BigDecimal most, String limitedBy, Limit limit) {

    /** The rules that limit a margin move; each names the figures its {@link Limit} carries, in order. */
    public enum Rule {
        /** Binance: the cross wallet, its unrealised PnL, the cross positions' initial margin. */
        AVAILABLE_BALANCE,
        /** Binance: the cross wallet, the cross positions' maintenance margin (unrealised profit stays). */
        CROSS_WALLET_LESS_MAINTENANCE,
        /** Hyperliquid: the initial margin the cross account keeps after unrealised PnL. */
        CROSS_KEEPS_INITIAL,
        /** Binance: the position's initial margin at the mark, its unrealised PnL. */
        POSITION_KEEPS_INITIAL_AT_MARK,
        /** Binance: the position's maintenance margin. */
        POSITION_KEEPS_MAINTENANCE,
        /** Hyperliquid: what the position keeps (its initial margin at the mark, at least 10% of the notional). */
        POSITION_KEEPS_INITIAL
    }

    /** Why not more: the rule and its figures (USDT, exact; see {@link Rule} for their order). */
    public record Limit(Rule rule, List<BigDecimal> figures) {
        public Limit {
            Objects.requireNonNull(rule, "rule");
            figures = List.copyOf(figures);
        }
    }

    public MarginAllowance {
        Objects.requireNonNull(most, "most");
        Objects.requireNonNull(limitedBy, "limitedBy");
        most = Decimals.max(BigDecimal.ZERO, most);
    }

    public MarginAllowance(BigDecimal most, String limitedBy) {
        this(most, limitedBy, null);
    }

    public MarginAllowance(BigDecimal most, String limitedBy, Rule rule, BigDecimal... figures) {
        this(most, limitedBy, new Limit(rule, List.of(figures)));
    }

    public boolean allows(BigDecimal amount) {
        return amount.compareTo(most) <= 0;
    }

    /** A refusal naming the most and why: {@code lead} has one %s for the amount, e.g. "At most %s can be added now". */
    public String refusal(String lead) {
        return String.format(java.util.Locale.ROOT, lead, Decimals.usdt(most)) + ": " + limitedBy + ".";
    }
}
