package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * A watched account valued by the bot's engine with Hyperliquid's rules: each position at a mark, the cross pool,
 * and the second opinion on each exchange liquidation price.
 *
 * @param cross     the cross pool; null without cross positions or when the account looks unified
 * @param positions one per main-dex position the engine could value, in the exchange's order
 */
public record WatchedValuation(WatchedAccountState state, CrossAccountRisk cross, List<Valued> positions,
                               List<WatchedPosition> notValued) {

    /** One position: the exchange's figures, the engine's risk at the mark, and the second opinion. */
    public record Valued(WatchedPosition reported, PositionRisk risk, SecondOpinion opinion) {
    }

    public WatchedValuation {
        positions = List.copyOf(positions);
        notValued = List.copyOf(notValued);
    }

    public Optional<Valued> position(String coin) {
        return positions.stream().filter(v -> v.reported().coin().equals(coin)).findFirst();
    }
}
