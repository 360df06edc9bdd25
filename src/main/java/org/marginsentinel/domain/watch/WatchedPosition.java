package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * One position of a watched Hyperliquid account as the exchange reports it ({@code assetPositions[].position}).
 *
 * @param coin              {@code BTC}, {@code kPEPE}; a builder dex's coin carries its dex ({@code xyz:TSLA})
 * @param size              absolute size in coins (the exchange's {@code szi} is signed)
 * @param leverage          the position's leverage setting
 * @param exchangeLiquidation the exchange's own {@code liquidationPx}; null when it gives none
 * @param marginUsed        isolated: the position's margin including its unrealised PnL; cross: its initial margin
 * @param positionValue     size × the mark when the exchange answered
 * @param maxLeverage       the asset's maximum leverage, the fallback for its margin table
 */
public record WatchedPosition(String coin, Side side, BigDecimal size, BigDecimal entryPrice, MarginMode mode,
                              int leverage, BigDecimal exchangeLiquidation, BigDecimal marginUsed,
                              BigDecimal positionValue, BigDecimal unrealizedPnl, int maxLeverage) {

    public WatchedPosition {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mode, "mode");
        if (size.signum() <= 0 || entryPrice.signum() <= 0) {
            throw new IllegalArgumentException("size and entry must be positive: " + coin);
        }
    }

    /** The mark the exchange valued the position at: position value / size. */
    public BigDecimal reportedMark() {
        return Decimals.divide(positionValue, size);
    }

    /** True for a coin of a HIP-3 builder dex ({@code dex:COIN}), which has its own collateral and margin. */
    public boolean onOtherDex() {
        return coin.contains(":");
    }

    /** The isolated wallet before PnL: margin used minus unrealised PnL (what our engine calls isolated margin). */
    public BigDecimal isolatedWallet() {
        return marginUsed.subtract(unrealizedPnl);
    }
}
