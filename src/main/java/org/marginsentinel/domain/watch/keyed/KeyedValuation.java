package org.marginsentinel.domain.watch.keyed;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;
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
                             List<ExchangePosition> notValued, BigDecimal ownMarginRatio) {

    /**
     * One position: the exchange's figures, the bot's risk at the exchange's mark, and the second opinion on the
     * liquidation price.
     *
     * @param explanation why the two liquidation prices differ when they do (plain words, no markup); null when
     *                    they agree
     */
    public record Valued(ExchangePosition reported, PositionRisk risk, SecondOpinion opinion, String explanation) {
    }

    public KeyedValuation {
        positions = List.copyOf(positions);
        notValued = List.copyOf(notValued);
    }
}
