package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.Decimals;

/**
 * The exchange's liquidation price next to the bot's own recomputation with Hyperliquid's formula, and whether
 * they agree within {@link #TOLERANCE}; when not, which known cause explains it.
 *
 * @param exchange the exchange's {@code liquidationPx}; null when it gave none
 * @param own      the bot's recomputation; null when no price liquidates or it could not be recomputed
 */
public record SecondOpinion(BigDecimal exchange, BigDecimal own, Verdict verdict) {

    /** Relative difference still called agreement (checked against exchange output: within 1e-4). */
    public static final BigDecimal TOLERANCE = new BigDecimal("0.001");

    public enum Verdict {
        /** Both give the same price within the tolerance, or both say nothing liquidates. */
        AGREE,
        /** The exchange gives no liquidation price, the bot finds one. */
        EXCHANGE_HAS_NONE,
        /** The exchange gives one, the bot finds none (e.g. a long backed beyond its notional). */
        OWN_HAS_NONE,
        /** A builder-dex (HIP-3) position: its own collateral and tables, not recomputed. */
        OTHER_DEX,
        /** Unified or portfolio margin suspected: the perp account's own figures are not meaningful. */
        UNIFIED_ACCOUNT,
        /** Both give a price, more than the tolerance apart, for no known reason. */
        DIFFERS,
        /** The bot lacks a figure it needs to recompute (a mark, the position's margin, its maintenance). */
        NOT_RECOMPUTED
    }

    public static SecondOpinion of(BigDecimal exchange, BigDecimal own) {
        if (exchange == null && own == null) {
            return new SecondOpinion(null, null, Verdict.AGREE);
        }
        if (exchange == null) {
            return new SecondOpinion(null, own, Verdict.EXCHANGE_HAS_NONE);
        }
        if (own == null) {
            return new SecondOpinion(exchange, null, Verdict.OWN_HAS_NONE);
        }
        return new SecondOpinion(exchange, own, relativeGap(exchange, own).compareTo(TOLERANCE) <= 0
                ? Verdict.AGREE : Verdict.DIFFERS);
    }

    public static SecondOpinion notRecomputed(BigDecimal exchange, Verdict why) {
        return new SecondOpinion(exchange, null, why);
    }

    public boolean agrees() {
        return verdict == Verdict.AGREE;
    }

    /** |own − exchange| / exchange, or null without both prices. */
    public BigDecimal gap() {
        return exchange == null || own == null ? null : relativeGap(exchange, own);
    }

    private static BigDecimal relativeGap(BigDecimal exchange, BigDecimal own) {
        return Decimals.divide(own.subtract(exchange).abs(), exchange.abs().max(BigDecimal.ONE.movePointLeft(18)));
    }
}
