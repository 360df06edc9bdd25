package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/**
 * How a cross pool's marks move together against it, and the odds of that move.
 *
 * <p><b>Model.</b> All cross symbols move against the pool at once (perfectly correlated, the cautious reading),
 * each by its own volatility: a joint move of x moves symbol s by x × σₛ / σ̄, where σ̄ is the pool's volatility,
 * the mean of its symbols' daily volatilities weighted by the notional each was opened at. So x is the move of the
 * pool as a whole, and a pool of one symbol moves exactly like that symbol. Without every symbol's volatility all
 * symbols move by x (equal shares) and no odds are quoted.
 *
 * <p>The joint move is then treated like one price with daily volatility σ̄ (see {@link LiquidationOdds}): the odds
 * that it reaches the pool's distance within the horizon are 2·N(−a / (σ̄√T)), with a the log distance of a fall of x
 * for a pool of longs only, else of a rise of x (the smaller of the two, so the odds err high).
 *
 * @param shares       per cross symbol its share of the joint move (1 for every symbol without volatility)
 * @param poolVolatility σ̄ daily; null when some symbol's volatility is unknown
 * @param longsOnly    every cross position is long
 */
public record JointMove(Map<String, BigDecimal> shares, Double poolVolatility, boolean longsOnly) {

    public JointMove {
        shares = Map.copyOf(shares);
    }

    /** The joint move of these cross positions with these volatilities. */
    public static JointMove of(List<Position> crossPositions,
                               Function<String, Optional<DailyVolatility>> volatilities) {
        Map<String, Double> notional = new LinkedHashMap<>();
        boolean longsOnly = true;
        for (Position position : crossPositions) {
            notional.merge(position.symbol(), position.entryNotional().doubleValue(), Double::sum);
            longsOnly &= position.side() == Side.LONG;
        }
        Map<String, Double> sigma = new HashMap<>();
        double weighted = 0;
        double total = 0;
        for (Map.Entry<String, Double> symbol : notional.entrySet()) {
            Optional<DailyVolatility> volatility = volatilities.apply(symbol.getKey());
            if (volatility.isEmpty()) {
                return equalShares(notional.keySet(), longsOnly);
            }
            sigma.put(symbol.getKey(), volatility.get().daily());
            weighted += symbol.getValue() * volatility.get().daily();
            total += symbol.getValue();
        }
        double poolSigma = total > 0 ? weighted / total : 0;
        if (!(poolSigma > 0)) {
            return equalShares(notional.keySet(), longsOnly);
        }
        Map<String, BigDecimal> shares = new HashMap<>();
        sigma.forEach((symbol, s) -> shares.put(symbol, BigDecimal.valueOf(s / poolSigma)));
        return new JointMove(shares, poolSigma, longsOnly);
    }

    private static JointMove equalShares(Iterable<String> symbols, boolean longsOnly) {
        Map<String, BigDecimal> shares = new HashMap<>();
        symbols.forEach(symbol -> shares.put(symbol, BigDecimal.ONE));
        return new JointMove(shares, null, longsOnly);
    }

    public BigDecimal shareOf(String symbol) {
        return shares.getOrDefault(symbol, BigDecimal.ONE);
    }

    /** True when the shares follow the symbols' volatilities (every one known). */
    public boolean volatilityScaled() {
        return poolVolatility != null;
    }

    /**
     * The odds that the joint move reaches {@code distance} within {@code horizon}; empty without the pool's
     * volatility or without a distance (no move liquidates the pool).
     */
    public Optional<OddsEstimate> odds(BigDecimal distance, Duration horizon) {
        if (poolVolatility == null || distance == null) {
            return Optional.empty();
        }
        double x = distance.doubleValue();
        if (x <= 0) {
            return Optional.of(new OddsEstimate(1, 0, horizon));
        }
        double logDistance = longsOnly ? (x >= 1 ? Double.POSITIVE_INFINITY : -Math.log1p(-x)) : Math.log1p(x);
        if (Double.isInfinite(logDistance)) {
            return Optional.of(new OddsEstimate(0, Double.POSITIVE_INFINITY, horizon));
        }
        double probability = LiquidationOdds.touchProbability(logDistance,
                poolVolatility * Math.sqrt(horizon.toNanos() / (double) Duration.ofDays(1).toNanos()));
        return Optional.of(new OddsEstimate(probability, logDistance / poolVolatility, horizon));
    }
}
