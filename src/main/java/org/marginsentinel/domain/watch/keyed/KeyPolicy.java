package org.marginsentinel.domain.watch.keyed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether the bot may keep a key, judged on what the exchange itself says the key can do. Withdrawal rights are
 * never accepted; trading rights only where the exchange needs them to read futures positions, and then only
 * when the key is locked to the deployer's published egress addresses. Pure.
 */
public final class KeyPolicy {

    /** A key expiring within this is warned about (once). */
    public static final Duration EXPIRY_NOTICE = Duration.ofDays(7);

    public enum Verdict {
        ACCEPT,
        /** Trading allowed, as the exchange requires for reading futures, but locked to our egress addresses. */
        ACCEPT_WHITELISTED_TRADING,
        REFUSE_WITHDRAW,
        REFUSE_TRADE,
        /** Trading is needed to read futures on this exchange: only with an IP whitelist to our addresses. */
        REFUSE_TRADE_WITHOUT_WHITELIST,
        REFUSE_CANNOT_READ,
        REFUSE_EXPIRED
    }

    private KeyPolicy() {
    }

    /**
     * @param readingNeedsTrading the exchange only lets keys with trading permission read futures positions
     * @param egressIps           the deployer's published addresses (empty: none published)
     */
    public static Verdict judge(KeyPermissions permissions, boolean readingNeedsTrading, List<String> egressIps,
                                Instant now) {
        if (permissions.canWithdraw()) {
            return Verdict.REFUSE_WITHDRAW;
        }
        if (permissions.expiresAt() != null && !permissions.expiresAt().isAfter(now)) {
            return Verdict.REFUSE_EXPIRED;
        }
        if (!permissions.canReadFutures()) {
            return Verdict.REFUSE_CANNOT_READ;
        }
        if (permissions.canTrade()) {
            if (!readingNeedsTrading) {
                return Verdict.REFUSE_TRADE;
            }
            return permissions.ipRestricted() && !egressIps.isEmpty() ? Verdict.ACCEPT_WHITELISTED_TRADING
                    : Verdict.REFUSE_TRADE_WITHOUT_WHITELIST;
        }
        return Verdict.ACCEPT;
    }

    /** True once the key is within {@link #EXPIRY_NOTICE} of expiring. */
    public static boolean expiresSoon(Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt.minus(EXPIRY_NOTICE));
    }

    /**
     * A winning position high in the auto-deleveraging queue: the exchange may close it against a liquidated
     * trader's at the bankruptcy price. "High": in the top band of the exchange's scale (Binance 4 of 4, Bybit and
     * OKX 4-5 of 5).
     */
    public static boolean highInAdlQueue(ExchangePosition position, java.math.BigDecimal unrealizedPnl) {
        if (position.adlRank() == null || position.adlRankMax() == null || unrealizedPnl == null
                || unrealizedPnl.signum() <= 0) {
            return false;
        }
        return position.adlRank() >= Math.max(1, position.adlRankMax() - (position.adlRankMax() >= 5 ? 1 : 0));
    }
}
