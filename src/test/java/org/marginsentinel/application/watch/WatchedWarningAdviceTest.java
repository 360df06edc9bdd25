package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.WatchedPosition;

/**
 * Issue 13: a watched position's warnings follow the user's {@code /alerts odds} setting like a paper position's,
 * and carry the one recommended action computed with Hyperliquid's rules (2% maintenance for a 25x coin here).
 */
class WatchedWarningAdviceTest {

    private static final long USER = 7;
    private static final long OTHER_USER = 8;
    private static final String ADDRESS = "0x00000000000000000000000000000000000000e7";

    private final WatcherRig rig = new WatcherRig(Instant.parse("2032-05-01T08:00:00Z"));

    @Test
    void theOddsTrigger_warnsAWatchedPosition_thatItsDistanceAloneLeavesSafe() {
        // 12.5% from liquidation: SAFE by the default 10% WARNING distance; with a 10% daily volatility the odds of
        // touching it within 24 h are over 10%, so a user with "/alerts odds 10" is warned, another user is not.
        rig.volatilities.set("ETHUSDT", new DailyVolatility(0.10, 168, Duration.ofHours(1)));
        rig.alerts.savePreferences(USER, AlertPreferences.DEFAULTS.withOddsThreshold(new BigDecimal("0.10")));
        rig.marks.put("ETH", new BigDecimal("2800"));
        rig.answers.put(ADDRESS, isolatedEthLong());
        rig.list.watch(USER, ADDRESS);
        rig.list.watch(OTHER_USER, ADDRESS);

        rig.tickAfter(Duration.ofSeconds(11));

        WatchNotice.PositionWarning warning = (WatchNotice.PositionWarning) rig.drainTold().stream()
                .filter(n -> n instanceof WatchNotice.PositionWarning).reduce((a, b) -> {
                    throw new AssertionError("more than one warning: " + a + ", " + b);
                }).orElseThrow();
        assertThat(warning.userId()).isEqualTo(USER);
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.WARNING);
        WatchAdvice.Advice advice = rig.advice.position(warning);
        assertThat(advice.oddsTriggered()).isTrue();
        assertThat(advice.odds()).isGreaterThan(new BigDecimal("0.10"));
        assertThat(advice.recommended().kind()).isEqualTo(RecommendedAction.Kind.ADD_MARGIN);
        assertThat(advice.recommended().survivesLikelyMove()).isTrue();
    }

    @Test
    void aDangerWarning_recommendsTheMarginThatClearsTheWarningLevel_byHyperliquidsRules() {
        rig.marks.put("ETH", new BigDecimal("2550")); // 3.96% from the 2,448.98 liquidation: DANGER
        rig.answers.put(ADDRESS, isolatedEthLong());
        rig.list.watch(USER, ADDRESS);
        rig.tickAfter(Duration.ofSeconds(11));

        WatchNotice.PositionWarning warning = (WatchNotice.PositionWarning) rig.drainTold().get(0);
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.DANGER);
        RecommendedAction action = rig.advice.position(warning).recommended();

        assertThat(action.kind()).isEqualTo(RecommendedAction.Kind.ADD_MARGIN);
        // Added on Hyperliquid, it puts the liquidation price twice the WARNING distance (20%) under the mark.
        MarginCalculator hyperliquid = portfolio().engine();
        Position topped = new Position("ETH", "ETH", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"), 5,
                MarginMode.ISOLATED, new BigDecimal("600").add(action.amount()));
        BigDecimal distance = hyperliquid.isolated(topped, new BigDecimal("2550")).distanceToLiquidation();
        assertThat(distance).isBetween(new BigDecimal("0.1999"), new BigDecimal("0.2010"));
        assertThat(action.liquidationAfter()).isCloseTo(
                hyperliquid.isolated(topped, new BigDecimal("2550")).liquidationPrice(), within(new BigDecimal("0.05")));
    }

    @Test
    void aCrossPoolWarning_recommendsTheShareToCloseThatBringsTheRatioUnderTheWarningLevel() {
        // Cross ETH long 2 at 3,000, marked 2,800 (PnL -400): maintenance 112 against a margin balance of 149.33,
        // a 75% ratio: DANGER by the ratio; but the 37.33 of headroom is a 0.67% fall of ETH, so by its survivable
        // move the pool is CRITICAL, and the worse of the two counts.
        rig.marks.put("ETH", new BigDecimal("2800"));
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, new BigDecimal("2"), new BigDecimal("3000"),
                MarginMode.CROSS, 10, null, new BigDecimal("560"), new BigDecimal("5600"), new BigDecimal("-400"),
                25);
        rig.answers.put(ADDRESS, new WatchedAccountState(null, new BigDecimal("149.33"), new BigDecimal("149.33"),
                new BigDecimal("112"), BigDecimal.ZERO, List.of(eth)));
        rig.list.watch(USER, ADDRESS);
        rig.tickAfter(Duration.ofSeconds(11));

        WatchNotice.PoolWarning warning = (WatchNotice.PoolWarning) rig.drainTold().get(0);
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.CRITICAL);
        RecommendedAction action = rig.advice.pool(warning).recommended();

        assertThat(action.kind()).isEqualTo(RecommendedAction.Kind.CLOSE);
        WatchedPortfolio portfolio = portfolio();
        PricedPosition left = new PricedPosition(Position.cross("ETH", "ETH", Side.LONG,
                new BigDecimal("2").multiply(BigDecimal.ONE.subtract(action.share())), new BigDecimal("3000"), 10),
                new BigDecimal("2800"));
        BigDecimal closedPnl = new BigDecimal("-400").multiply(action.share());
        BigDecimal ratioAfter = portfolio.engine().cross(portfolio.crossWallet().add(closedPnl), List.of(left))
                .marginRatio();
        assertThat(ratioAfter).isLessThanOrEqualTo(new BigDecimal("0.50"));
        assertThat(action.share()).isLessThan(BigDecimal.ONE);
    }

    private WatchedPortfolio portfolio() {
        WatchedAccount account = rig.list.list(USER).get(0);
        return WatchedPortfolio.of(rig.book.valuation(account), rig.book.market());
    }

    /** ETH long 1 at 3,000, isolated 5x (600 margin): liquidation 2,448.98 with Hyperliquid's 2% maintenance. */
    private static WatchedAccountState isolatedEthLong() {
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"),
                MarginMode.ISOLATED, 5, new BigDecimal("2448.98"), new BigDecimal("600"), new BigDecimal("3000"),
                BigDecimal.ZERO, 25);
        return new WatchedAccountState(null, new BigDecimal("1000"), new BigDecimal("400"), BigDecimal.ZERO,
                new BigDecimal("400"), List.of(eth));
    }
}
