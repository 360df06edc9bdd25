package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.insight.StressTest;
import org.marginsentinel.domain.margin.HyperliquidMarginRules;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.TierSchedule;

/**
 * A valued watched account in the shape the bot's insight tools take (stress test, mode comparison, margin
 * advice): the engine with Hyperliquid's rules and each coin's margin table, the account wallet (cross wallet plus
 * the isolated margins) and its positions at their marks. Positions the valuer could not value (builder dex,
 * unified account) are left out. Pure.
 *
 * @param walletBalance the cross wallet plus every isolated margin, as the paper engine's account wallet
 * @param crossWallet   the cross pool's wallet (its account value minus the cross positions' unrealised PnL)
 */
public record WatchedPortfolio(MarginCalculator engine, BigDecimal walletBalance, BigDecimal crossWallet,
                               List<PricedPosition> positions) {

    public WatchedPortfolio {
        positions = List.copyOf(positions);
    }

    public static WatchedPortfolio of(WatchedValuation valuation, HyperliquidMarket market) {
        Map<String, TierSchedule> schedules = new HashMap<>();
        List<PricedPosition> priced = new ArrayList<>();
        BigDecimal crossWallet = valuation.cross() != null ? valuation.cross().walletBalance()
                : valuation.state().crossAccountValue();
        BigDecimal wallet = crossWallet;
        for (WatchedValuation.Valued valued : valuation.positions()) {
            if (valued.risk() == null) {
                continue;
            }
            schedules.put(valued.reported().coin(), HyperliquidValuer.schedule(valued.reported(), market));
            priced.add(new PricedPosition(valued.risk().position(), valued.risk().markPrice()));
            if (valued.risk().position().isIsolated()) {
                wallet = wallet.add(valued.risk().position().isolatedMargin());
            }
        }
        MarginCalculator engine = new MarginCalculator(p -> schedules.get(p.symbol()), HyperliquidMarginRules.INSTANCE);
        return new WatchedPortfolio(engine, wallet, crossWallet, priced);
    }

    /** The cross positions at their marks. */
    public List<PricedPosition> cross() {
        return positions.stream().filter(p -> !p.position().isIsolated()).toList();
    }

    /**
     * The cross pool's distance to liquidation, as a paper pool's: the joint adverse move of its coins' marks it
     * survives, each coin by its volatility ({@code volatilityOfCoin}, by Hyperliquid coin) or all equally. Empty
     * without cross positions.
     */
    public Optional<PoolDistance> poolDistance(Function<String, Optional<DailyVolatility>> volatilityOfCoin) {
        List<PricedPosition> cross = cross();
        return cross.isEmpty() ? Optional.empty()
                : Optional.of(PoolDistance.of(engine, crossWallet, cross, volatilityOfCoin));
    }

    /**
     * {@code shock} on this account by its exchange's rules. A one-symbol shock ("BTC") moves the held instrument of
     * that market only ({@code sameMarket}: the exchange's name and the typed one, "BTC-USDT-SWAP" and "BTCUSDT");
     * empty when the account holds none.
     */
    public Optional<StressReport> stress(Shock shock, BiPredicate<String, String> sameMarket) {
        Shock onHeld = shock;
        if (shock.symbol() != null) {
            Optional<String> held = positions.stream().map(p -> p.position().symbol())
                    .filter(symbol -> sameMarket.test(symbol, shock.symbol())).findFirst();
            if (held.isEmpty()) {
                return Optional.empty();
            }
            onHeld = new Shock(shock.move(), held.get());
        }
        return Optional.of(new StressTest(engine).run(walletBalance, positions, onHeld));
    }

    /** The account's positions under isolated and under cross, by its exchange's rules. */
    public ModeComparison compareModes() {
        return ModeComparison.of(engine, walletBalance, positions);
    }

    public Optional<PricedPosition> position(String coin) {
        return positions.stream().filter(p -> p.position().symbol().equals(coin)).findFirst();
    }

    public boolean isEmpty() {
        return positions.isEmpty();
    }
}
