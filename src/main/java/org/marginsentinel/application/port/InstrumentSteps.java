package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Event: the price and size steps of every symbol the exchanges list, as the instrument feed last read them, so
 * that prices and sizes can be written at the symbol's own precision. Fired after every read (the whole snapshot,
 * not a change), and once empty when the feed stops.
 *
 * @param bySymbol each symbol's steps: the exchange's symbol ("BTCUSDT"), or a Hyperliquid coin ("BTC", "kPEPE")
 */
public record InstrumentSteps(Map<String, Steps> bySymbol) {

    public InstrumentSteps {
        bySymbol = Map.copyOf(bySymbol);
    }

    /**
     * One symbol's steps; any may be null when the exchange does not say.
     *
     * @param significantFigures when set, a price has at most this many significant figures (Hyperliquid: 5) and
     *                           {@code tickSize} is the finest step it may reach
     * @param minQuantity        the smallest order quantity (Binance LOT_SIZE minQty, Bybit minOrderQty)
     * @param minNotional        the smallest value in USDT of an order that opens or adds (Binance MIN_NOTIONAL
     *                           notional, Bybit minNotionalValue)
     */
    public record Steps(BigDecimal tickSize, BigDecimal stepSize, Integer significantFigures, BigDecimal minQuantity,
                        BigDecimal minNotional) {

        public Steps(BigDecimal tickSize, BigDecimal stepSize) {
            this(tickSize, stepSize, null, null, null);
        }

        public Steps(BigDecimal tickSize, BigDecimal stepSize, Integer significantFigures) {
            this(tickSize, stepSize, significantFigures, null, null);
        }

        /** Binance's and Bybit's: a fixed tick, a step and the smallest order. */
        public static Steps withMinimum(BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity) {
            return new Steps(tickSize, stepSize, null, minQuantity, null);
        }

        /** Binance's and Bybit's: a fixed tick, a step, the smallest order and its smallest value in USDT. */
        public static Steps withMinimum(BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQuantity,
                                        BigDecimal minNotional) {
            return new Steps(tickSize, stepSize, null, minQuantity, minNotional);
        }
    }
}
