package org.marginsentinel.application.port;

import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.WatchedAccountState;

/**
 * Hyperliquid's public, read-only {@code /info} endpoint. Both calls throw {@link InfoUnavailable} when no usable
 * answer came (HTTP error, 422, 429, timeout, unreadable body).
 */
public interface HyperliquidInfo {

    /** Weight of one {@link #account} call in Hyperliquid's per-IP budget. */
    int ACCOUNT_WEIGHT = 2;

    /** Weight of one {@link #market} call. */
    int MARKET_WEIGHT = 20;

    /** {@code clearinghouseState} of one address: its perp positions and margin summaries. */
    WatchedAccountState account(HyperliquidAddress address);

    /** {@code metaAndAssetCtxs}: marks, funding and margin tables of the main perp dex. */
    HyperliquidMarket market();
}
