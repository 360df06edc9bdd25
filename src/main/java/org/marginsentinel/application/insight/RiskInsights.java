package org.marginsentinel.application.insight;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.OrderPreview;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.alert.AlertSettings;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.LiquidationOdds;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.OddsEstimate;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.insight.StressTest;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.market.Symbols;

/**
 * The insight use cases behind /risk, /positions, /stress, /whatif and /compare: the same snapshot and engine as
 * the trading commands, plus each symbol's volatility. Read-only: nothing here changes an account.
 */
@ApplicationScoped
public class RiskInsights {

    @Inject
    PaperTrading trading;

    @Inject
    Volatilities volatilities;

    @Inject
    MarginCalculator calculator;

    @Inject
    SurvivalPlanner planner;

    @Inject
    ChartBackfill backfill;

    @Inject
    AlertSettings alertSettings;

    private StressTest stressTest;

    @PostConstruct
    void init() {
        stressTest = new StressTest(calculator);
    }

    /** The account with odds of liquidation within 24 hours and survival advice per position and for the pool. */
    public AccountInsights insights(long userId) {
        return insights(trading.snapshot(userId));
    }

    public AccountInsights insights(AccountSnapshot snapshot) {
        Map<String, Optional<DailyVolatility>> bySymbol = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (StoredPosition stored : snapshot.positions()) {
            String symbol = stored.position().symbol();
            Optional<DailyVolatility> volatility = bySymbol.computeIfAbsent(symbol, volatilities::lookup);
            if (volatility.isEmpty()) {
                unknown.add(symbol);
            }
        }
        List<PricedPosition> cross = snapshot.crossPricedPositions();
        // Cross odds come from the pool's joint adverse move, not from one mark moving while the others stay.
        PoolDistance poolDistance = cross.isEmpty() ? null : PoolDistance.of(calculator,
                snapshot.risk().cross().walletBalance(), cross,
                symbol -> bySymbol.getOrDefault(symbol, Optional.empty()));
        Map<Long, PositionInsight> positions = new HashMap<>();
        for (StoredPosition stored : snapshot.positions()) {
            PositionRisk risk = snapshot.riskOf(stored);
            Optional<DailyVolatility> volatility = bySymbol.get(stored.position().symbol());
            if (volatility.isEmpty()) {
                continue;
            }
            if (!stored.position().isIsolated()) {
                if (poolDistance.odds() != null) {
                    positions.put(stored.id(), new PositionInsight(volatility.get(), poolDistance.odds(), null));
                }
                continue;
            }
            OddsEstimate odds = LiquidationOdds.estimate(stored.position().side(), risk.markPrice(),
                    risk.liquidationPrice(), volatility.get(), LiquidationOdds.DEFAULT_HORIZON).orElse(null);
            SurvivalPlan survival = !risk.liquidatedAtMark()
                    ? planner.isolated(stored.position(), risk.markPrice(), volatility.get()).orElse(null) : null;
            positions.put(stored.id(), new PositionInsight(volatility.get(), odds, survival));
        }
        SurvivalPlan pool = snapshot.risk().cross().liquidated() ? null
                : planner.pool(snapshot.risk().cross().walletBalance(), cross,
                        symbol -> bySymbol.getOrDefault(symbol, Optional.empty())).orElse(null);
        return new AccountInsights(snapshot, positions, pool, unknown, poolDistance);
    }

    /** Every position valued at shocked marks; refuses a one-symbol shock for a symbol the user does not hold. */
    public StressOutcome stress(long userId, Shock shock) {
        AccountSnapshot snapshot = trading.snapshot(userId);
        if (snapshot.positions().isEmpty()) {
            throw CommandRejected.text("refusals.stress.noPositions.refused");
        }
        if (shock.onlySymbol().isPresent() && snapshot.bySymbol(shock.symbol()).isEmpty()) {
            throw CommandRejected.text("refusals.stress.noSymbol.refused", shock.symbol());
        }
        StressReport report = stressTest.run(snapshot.risk().walletBalance(), priced(snapshot), shock);
        return new StressOutcome(snapshot, report);
    }

    /** A stress report with the snapshot it started from (for position numbers and stale marks). */
    public record StressOutcome(AccountSnapshot snapshot, StressReport report) {
    }

    /** The user's positions under isolated and under cross, side by side. */
    public ComparisonOutcome compare(long userId) {
        AccountSnapshot snapshot = trading.snapshot(userId);
        if (snapshot.positions().isEmpty()) {
            throw CommandRejected.text("refusals.compare.noPositions.refused");
        }
        return new ComparisonOutcome(snapshot,
                ModeComparison.of(calculator, snapshot.risk().walletBalance(), priced(snapshot)));
    }

    /** A mode comparison with the snapshot it started from. */
    public record ComparisonOutcome(AccountSnapshot snapshot, ModeComparison comparison) {
    }

    /**
     * What opening {@code order} would do, by the same rules as opening it, with nothing opened; plus the odds of
     * the resulting position when its symbol's volatility is known.
     */
    public WhatIfOutcome whatIf(long userId, OpenOrder order) {
        OrderPreview preview = trading.preview(userId, order);
        OddsEstimate odds = null;
        if (preview.resulting() != null) {
            PositionRisk resulting = preview.after().positions().get(preview.after().positions().size() - 1);
            odds = volatilities.lookup(order.symbol()).flatMap(v -> LiquidationOdds.estimate(
                    preview.resulting().side(), resulting.markPrice(), resulting.liquidationPrice(), v,
                    LiquidationOdds.DEFAULT_HORIZON)).orElse(null);
        }
        return new WhatIfOutcome(preview, odds);
    }

    /** @param odds null when the volatility is unknown or nothing liquidates the resulting position */
    public record WhatIfOutcome(OrderPreview preview, OddsEstimate odds) {

        /** The resulting position's risk (last in {@code after}), or null when the order closes the position. */
        public PositionRisk resultingRisk() {
            return preview.resulting() == null ? null
                    : preview.after().positions().get(preview.after().positions().size() - 1);
        }

        /** The most the account can lose through the resulting position: its isolated margin, or the cross wallet. */
        public BigDecimal worstCase() {
            if (preview.resulting() == null) {
                return BigDecimal.ZERO;
            }
            return preview.resulting().isIsolated() ? preview.resulting().isolatedMargin()
                    : preview.after().cross().walletBalance().max(BigDecimal.ZERO);
        }
    }

    /**
     * The mark history of one of the user's positions ({@code #1}, {@code 1} or a symbol) over {@code window}, with
     * the current mark last, and the user's warning thresholds for the bands.
     */
    public PositionChart positionChart(long userId, String reference, Duration window) {
        AccountSnapshot snapshot = trading.snapshot(userId);
        StoredPosition stored = find(snapshot, reference);
        PositionRisk risk = snapshot.riskOf(stored);
        String symbol = stored.position().symbol();
        List<MarkSample> marks = backfill.marksUntilNow(symbol, window,
                snapshot.symbolsWithoutMark().contains(symbol) ? null : risk.markPrice());
        return new PositionChart(stored, risk, marks, alertSettings.current(userId).thresholds(), window);
    }

    /** What /chart draws for a position. */
    public record PositionChart(StoredPosition position, PositionRisk risk, List<MarkSample> marks,
                                RiskThresholds thresholds, Duration window) {
    }

    private static StoredPosition find(AccountSnapshot snapshot, String reference) {
        String ref = reference.startsWith("#") ? reference.substring(1) : reference;
        if (ref.matches("\\d{1,9}")) {
            int number = Integer.parseInt(ref);
            return snapshot.byNumber(number).orElseThrow(() ->
                    CommandRejected.text("refusals.position.noNumber.refused", String.valueOf(number)));
        }
        String symbol = Symbols.normalize(ref).orElseThrow(() ->
                CommandRejected.text("refusals.chart.reference.refused"));
        return snapshot.bySymbol(symbol).orElseThrow(() ->
                CommandRejected.text("refusals.position.noSymbol.refused", symbol));
    }

    private static List<PricedPosition> priced(AccountSnapshot snapshot) {
        List<PricedPosition> priced = new ArrayList<>(snapshot.positions().size());
        for (StoredPosition stored : snapshot.positions()) {
            priced.add(new PricedPosition(stored.position(), snapshot.riskOf(stored).markPrice()));
        }
        return priced;
    }
}
