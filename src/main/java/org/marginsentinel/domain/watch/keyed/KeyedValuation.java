package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.SurvivableMove;
import org.marginsentinel.domain.watch.SecondOpinion;

/**
 * A keyed account valued by the bot with the exchange's rules (the counterpart of the Hyperliquid watcher's
 * {@code WatchedValuation}).
 *
 * @param cross           the cross pool; null without cross positions
 * @param positions       one per position the bot could value, in the exchange's order
 * @param notValued       positions the bot could not recompute (unknown tiers, missing fields), shown with the
 *                        exchange's figures only
 * @param ownMarginRatio  the bot's account margin ratio in the exchange's own convention (comparable with
 *                        {@link ExchangeAccountSnapshot#exchangeMarginRatio()}); null when not computable
 */
public record KeyedValuation(ExchangeAccountSnapshot snapshot, CrossAccountRisk cross, List<Valued> positions,
                             List<ExchangePosition> notValued, BigDecimal ownMarginRatio, CrossLegs crossLegs) {

    /**
     * What the cross pool's survivable joint move is found from, as for a paper pool: its wallet, its positions at the
     * exchange's marks and the exchange's maintenance rule (Binance's and OKX's tiers at the mark, Bybit's at entry).
     */
    public record CrossLegs(BigDecimal crossWallet, List<PricedPosition> positions,
                            SurvivableMove.Maintenance maintenance) {

        public CrossLegs {
            positions = List.copyOf(positions);
        }

        /** The pool's distance, each symbol moving by its volatility ({@code volatilities} by the exchange's symbol). */
        public PoolDistance distance(Function<String, Optional<DailyVolatility>> volatilities) {
            return PoolDistance.of(maintenance, crossWallet, positions, volatilities);
        }
    }

    /** Without a cross pool to measure (none, or not recomputed). */
    public KeyedValuation(ExchangeAccountSnapshot snapshot, CrossAccountRisk cross, List<Valued> positions,
                          List<ExchangePosition> notValued, BigDecimal ownMarginRatio) {
        this(snapshot, cross, positions, notValued, ownMarginRatio, null);
    }

    /** The pool's survivable joint move; empty without a cross pool. */
    public Optional<PoolDistance> poolDistance(Function<String, Optional<DailyVolatility>> volatilities) {
        return cross == null || crossLegs == null || crossLegs.positions().isEmpty() ? Optional.empty()
                : Optional.of(crossLegs.distance(volatilities));
    }

    /**
     * One position: the exchange's figures, the bot's risk at the exchange's mark, and the second opinion on the
     * liquidation price.
     *
     * @param explanation why the two liquidation prices differ when they do, or why the bot's is not there; null when
     *                    there is nothing to explain
     */
    public record Valued(ExchangePosition reported, PositionRisk risk, SecondOpinion opinion,
                         KeyedExplanation explanation) {
    }

    public KeyedValuation {
        positions = List.copyOf(positions);
        notValued = List.copyOf(notValued);
    }
}
