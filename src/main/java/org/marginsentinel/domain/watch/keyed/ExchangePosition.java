package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * One futures position as a keyed exchange reports it, in the exchange's own figures (parsed leniently: absent
 * fields are null, never invented).
 *
 * @param symbol              the exchange's symbol: {@code BTCUSDT} (Binance, Bybit), {@code BTC-USDT-SWAP} (OKX)
 * @param size                absolute size in coins (OKX contracts already multiplied by the contract value)
 * @param markPrice           the exchange's mark when it answered
 * @param isolatedMargin      isolated: the position's margin (wallet part, before unrealised PnL); null for cross
 * @param exchangeLiquidation the exchange's own liquidation price; null when it gives none (or "0"/"")
 * @param maintenanceMargin   the exchange's maintenance margin of the position; null when not reported
 * @param adlRank             the exchange's auto-deleveraging rank or indicator (higher = earlier in the queue);
 *                            null when not reported
 * @param adlRankMax          the top of that scale (Binance 4, Bybit 5, OKX 5); null with {@code adlRank}
 */
public record ExchangePosition(String symbol, Side side, BigDecimal size, BigDecimal entryPrice,
                               BigDecimal markPrice, MarginMode mode, int leverage, BigDecimal isolatedMargin,
                               BigDecimal unrealizedPnl, BigDecimal exchangeLiquidation,
                               BigDecimal maintenanceMargin, Integer adlRank, Integer adlRankMax) {

    public ExchangePosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mode, "mode");
        if (size == null || size.signum() <= 0 || entryPrice == null || entryPrice.signum() <= 0) {
            throw new IllegalArgumentException("size and entry must be positive: " + symbol);
        }
    }
}
