package org.marginsentinel.adapter.prices.candles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.prices.Candles;
import org.marginsentinel.adapter.prices.binance.BinanceKlines;
import org.marginsentinel.adapter.prices.bybit.BybitKlines;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.MarkCandles;

/**
 * Past marks from Binance's {@code markPriceKlines}, or Bybit's {@code mark-price-kline} when Binance gives none.
 * The interval is the shortest whose candles cover the span in one request (Bybit serves at most 1,000).
 */
@ApplicationScoped
public class ExchangeMarkCandles implements MarkCandles {

    private static final Logger LOG = Logger.getLogger(ExchangeMarkCandles.class);
    private static final int MOST_CANDLES = 1000;
    private static final int[] INTERVAL_MINUTES = {1, 3, 5, 15, 30, 60};

    private final BinanceKlines binance;
    private final BybitKlines bybit;

    @Inject
    public ExchangeMarkCandles(BinanceKlines binance, BybitKlines bybit) {
        this.binance = binance;
        this.bybit = bybit;
    }

    @Override
    public List<MarkSample> between(String symbol, Instant from, Instant now) {
        int minutes = intervalMinutes(Duration.between(from, now));
        int candles = (int) Math.min(MOST_CANDLES, Duration.between(from, now).toMinutes() / minutes + 1);
        List<Candles.Close> closes = fetch("Binance", symbol, () -> binance.recent(symbol, minutes + "m", candles));
        if (closes.isEmpty()) {
            closes = fetch("Bybit", symbol, () -> bybit.recent(symbol, minutes, candles));
        }
        Duration interval = Duration.ofMinutes(minutes);
        return closes.stream().map(c -> new MarkSample(symbol, c.openTime().plus(interval), c.close()))
                .filter(s -> !s.at().isBefore(from) && !s.at().isAfter(now)).toList();
    }

    /** The shortest interval whose {@value #MOST_CANDLES} candles span {@code span}. */
    public static int intervalMinutes(Duration span) {
        for (int minutes : INTERVAL_MINUTES) {
            if (span.toMinutes() / minutes < MOST_CANDLES) {
                return minutes;
            }
        }
        return INTERVAL_MINUTES[INTERVAL_MINUTES.length - 1];
    }

    private static List<Candles.Close> fetch(String exchange, String symbol, Supplier<List<Candles.Close>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            // An unknown symbol, a rate limit or an outage: the chart makes do with what the bot sampled itself.
            LOG.debugf("No %s mark candles for %s: %s", exchange, symbol, e.toString());
            return List.of();
        }
    }
}
