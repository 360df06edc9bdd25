package org.marginsentinel.application;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * What a trader asked to open. Exactly one of {@code quantity} (base asset) and {@code quoteNotional}
 * (USDT) is set; a null leverage, mode or entry means "the default" (the open position's, else 10×,
 * isolated, the current mark).
 */
public record OpenOrder(String symbol, Side side, BigDecimal quantity, BigDecimal quoteNotional, Integer leverage,
                        MarginMode marginMode, BigDecimal entryPrice) {
}
