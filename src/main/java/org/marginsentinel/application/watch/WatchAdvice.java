package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.insight.SurvivalPlanner;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.IsolatedMarginAdvice;
import org.marginsentinel.domain.alert.CrossMarginAdvice;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.LiquidationOdds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.HyperliquidCoins;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.WatchedValuation;

/**
 * What a watched position's warning adds to its level, as for a paper position: the user's odds trigger moves an
 * isolated position's WARNING distance out (judged with cached volatilities only, so the per-poll check reads no
 * row), and a warning sent carries the odds of liquidation within 24 hours and the one recommended action — the
 * margin to add, the share to close or the deposit — computed with Hyperliquid's rules. The bot cannot act on a
 * real account: the action is told, and its button links to the exchange.
 */
@ApplicationScoped
public class WatchAdvice {

    @Inject
    WatchBook book;

    @Inject
    Volatilities volatilities;

    @Inject
    AlertStore alerts;

    /**
     * What a warning adds.
     *
     * @param odds          odds of liquidation within 24 hours (a fraction); null when no volatility is known
     * @param oddsTriggered the level was reached through the user's odds trigger, not the distance
     * @param recommended   the one action that clears the warning level (and the likely move, when known); null
     *                      when no figure says anything is needed
     */
    public record Advice(BigDecimal odds, boolean oddsTriggered, RecommendedAction recommended) {

        public static final Advice NONE = new Advice(null, false, null);
    }

    /** The preferences a watched isolated position is judged with: its WARNING distance moved out by the odds trigger. */
    public AlertPreferences judgedWith(AlertPreferences prefs, Side side, String coin) {
        if (prefs.oddsThreshold() == null) {
            return prefs;
        }
        Optional<DailyVolatility> volatility = volatility(coin);
        if (volatility.isEmpty()) {
            return prefs;
        }
        double move = LiquidationOdds.adverseMoveWithProbability(side, volatility.get(),
                prefs.oddsThreshold().doubleValue(), LiquidationOdds.DEFAULT_HORIZON);
        RiskThresholds own = prefs.thresholds();
        if (!(move > own.isolatedWarning().doubleValue())) {
            return prefs;
        }
        return prefs.withThresholds(new RiskThresholds(BigDecimal.valueOf(move), own.isolatedDanger(),
                own.isolatedCritical(), own.crossWarning(), own.crossDanger(), own.crossCritical()));
    }

    /** The odds and the recommended action of a position warning; reads the user's preferences once. */
    public Advice position(WatchNotice.PositionWarning warning) {
        PositionRisk risk = warning.position().risk();
        Optional<WatchedPortfolio> portfolio = portfolio(warning);
        if (risk == null || portfolio.isEmpty() || risk.liquidationPrice() == null) {
            return Advice.NONE;
        }
        RiskThresholds thresholds = alerts.preferences(warning.userId()).thresholds();
        Position position = risk.position();
        BigDecimal mark = risk.markPrice();
        Optional<DailyVolatility> volatility = volatility(warning.position().reported().coin());
        BigDecimal odds = volatility.flatMap(v -> LiquidationOdds.estimate(position.side(), mark,
                risk.liquidationPrice(), v, LiquidationOdds.DEFAULT_HORIZON))
                .map(o -> BigDecimal.valueOf(o.probability())).orElse(null);
        boolean oddsTriggered = warning.decision().level() == RiskLevel.WARNING
                && thresholds.forDistance(risk.distanceToLiquidation()) == RiskLevel.SAFE;
        if (risk.liquidatedAtMark()) {
            return new Advice(odds, false, null);
        }
        MarginAdvice advice = new MarginAdvice(portfolio.get().engine());
        IsolatedMarginAdvice help = advice.marginToAdd(position, mark, thresholds);
        boolean useful = help.needed() && help.liquidationAfter().isPresent();
        SurvivalPlan survival = volatility.flatMap(v -> new SurvivalPlanner(portfolio.get().engine(), advice)
                .isolated(position, mark, v)).orElse(null);
        RecommendedAction action = RecommendedAction.forIsolated(useful ? help.marginToAdd() : null,
                useful ? help.liquidationPriceAfter() : null,
                survival == null ? null : survival.marginToAdd(),
                survival == null ? null : survival.liquidationAfter()).orElse(null);
        return new Advice(odds, oddsTriggered, action);
    }

    /** The recommended action of a cross-pool warning; reads the user's preferences once. */
    public Advice pool(WatchNotice.PoolWarning warning) {
        Optional<WatchedPortfolio> portfolio = portfolio(warning);
        if (portfolio.isEmpty() || warning.pool().liquidated()) {
            return Advice.NONE;
        }
        List<PricedPosition> cross = portfolio.get().cross();
        RiskThresholds thresholds = alerts.preferences(warning.userId()).thresholds();
        MarginAdvice advice = new MarginAdvice(portfolio.get().engine());
        CrossMarginAdvice help = advice.crossRelief(portfolio.get().crossWallet(), cross, thresholds);
        SurvivalPlan survival = new SurvivalPlanner(portfolio.get().engine(), advice)
                .pool(portfolio.get().crossWallet(), cross, this::volatility).orElse(null);
        RecommendedAction action = RecommendedAction.forPool(
                help.needed() ? help.closeFraction().orElse(null) : null, help.needed() ? help.depositNeeded() : null,
                survival == null ? null : survival.shareToClose(),
                survival == null ? null : survival.depositNeeded()).orElse(null);
        return new Advice(null, false, action);
    }

    /**
     * The watched cross pool's survivable joint move, as a paper pool's, with cached volatilities only (safe on every
     * poll); empty without a cross pool.
     */
    public Optional<PoolDistance> poolDistance(WatchedValuation valuation) {
        if (valuation.cross() == null) {
            return Optional.empty();
        }
        return WatchedPortfolio.of(valuation, book.market()).poolDistance(this::volatility);
    }

    /** A Hyperliquid coin's cached volatility, from the USDT perpetual of the same name. */
    Optional<DailyVolatility> volatility(String coin) {
        return HyperliquidCoins.usdtSymbol(coin).flatMap(volatilities::cached);
    }

    private Optional<WatchedPortfolio> portfolio(WatchNotice notice) {
        return book.ofUser(notice.userId()).stream().filter(a -> a.address().equals(notice.address())).findFirst()
                .map(account -> WatchedPortfolio.of(book.valuation(account), book.market()))
                .filter(p -> !p.isEmpty());
    }
}
