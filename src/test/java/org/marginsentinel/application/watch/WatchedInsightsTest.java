package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.PositionStress;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.LotSize;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;

/**
 * Issue 13: /stress, /compare and /whatif on a watched account run the bot's tools with Hyperliquid's rules (2%
 * maintenance for a 25x coin, where Binance's ETH tier would say otherwise) at Hyperliquid's marks, per account.
 */
class WatchedInsightsTest {

    private static final long USER = 7;
    private static final String ISOLATED = "0x00000000000000000000000000000000000000e7";
    private static final String CROSS = "0x00000000000000000000000000000000000000c5";

    private final WatcherRig rig = new WatcherRig(Instant.parse("2032-05-01T08:00:00Z"));
    private final WatchedInsights insights = new WatchedInsights();

    @BeforeEach
    void watchTwoAccounts() {
        insights.book = rig.book;
        rig.marks.put("ETH", new BigDecimal("3000"));
        // ETH long 1 at 3,000, isolated 5x (600 margin): liquidation 2,448.98 by Hyperliquid's rules.
        rig.answers.put(ISOLATED, new WatchedAccountState(null, new BigDecimal("1000"), new BigDecimal("400"),
                BigDecimal.ZERO, new BigDecimal("400"), List.of(new WatchedPosition("ETH", Side.LONG, BigDecimal.ONE,
                new BigDecimal("3000"), MarginMode.ISOLATED, 5, new BigDecimal("2448.98"), new BigDecimal("600"),
                new BigDecimal("3000"), BigDecimal.ZERO, 25))));
        // ETH long 2 at 3,000, cross 10x, on a 1,000 cross account.
        rig.answers.put(CROSS, new WatchedAccountState(null, new BigDecimal("1000"), new BigDecimal("1000"),
                new BigDecimal("120"), new BigDecimal("400"), List.of(new WatchedPosition("ETH", Side.LONG,
                new BigDecimal("2"), new BigDecimal("3000"), MarginMode.CROSS, 10, null, new BigDecimal("600"),
                new BigDecimal("6000"), BigDecimal.ZERO, 25))));
        rig.list.watch(USER, ISOLATED);
        rig.list.watch(USER, CROSS);
        rig.tickAfter(Duration.ofSeconds(11));
    }

    @Test
    void stress_findsTheMoveEachWatchedPositionSurvives_byHyperliquidsMaintenance() {
        List<WatchedInsights.ForAccount<StressReport>> reports = insights.stress(USER,
                new Shock(new BigDecimal("-0.20"), null));

        assertThat(reports).extracting(WatchedInsights.ForAccount::number).containsExactly(1, 2);
        PositionStress isolated = reports.get(0).result().positions().get(0);
        assertThat(isolated.liquidated()).as("2,400 is under the 2,448.98 liquidation price").isTrue();
        assertThat(isolated.loss()).isEqualByComparingTo("600");
        assertThat(isolated.survives().orElseThrow()).isCloseTo(new BigDecimal("0.18367"), within(new BigDecimal("0.0001")));
        assertThat(reports.get(1).result().pool().hasPositions()).isTrue();

        assertThat(insights.stress(USER, new Shock(new BigDecimal("-0.20"), "BTCUSDT"))).as("no watched BTC").isEmpty();
        assertThat(insights.stress(USER, new Shock(new BigDecimal("-0.20"), "ETHUSDT"))).hasSize(2);
        assertThat(insights.stress(USER + 1, new Shock(new BigDecimal("-0.20"), null))).as("only the watcher's").isEmpty();
    }

    @Test
    void compare_putsTheCrossPositionInIsolated_withHyperliquidsLiquidationPrice() {
        ModeComparison comparison = insights.compare(USER).get(1).result();

        ModeComparison.Row row = comparison.rows().get(0);
        // Isolated at 10x: 600 margin, liquidation (3,000 − 300) / (1 − 0.02) = 2,755.10.
        assertThat(row.isolatedMargin()).isEqualByComparingTo("600");
        assertThat(row.liquidationIsolated()).isCloseTo(new BigDecimal("2755.102"), within(new BigDecimal("0.001")));
        // Cross: the 1,000 wallet backs it, (6,000 − 1,000) / (2 × 0.98) = 2,551.02.
        assertThat(row.liquidationCross()).isCloseTo(new BigDecimal("2551.020"), within(new BigDecimal("0.001")));
    }

    @Test
    void whatIf_nettsTheOrderWithTheWatchedPosition_atHyperliquidsMark() {
        rig.marks.put("ETH", new BigDecimal("2800"));
        rig.tickAfter(Duration.ofSeconds(11));

        WatchedInsights.WhatIf added = insights.whatIf(USER, new OpenOrder("ETHUSDT", Side.LONG, BigDecimal.ONE, null,
                5, null, null)).get(0).result();

        assertThat(added.refused()).isNull();
        assertThat(added.resulting().quantity()).isEqualByComparingTo("2");
        assertThat(added.resulting().entryPrice()).isEqualByComparingTo("2900");
        // 600 + 560 margin: liquidation (5,800 − 1,160) / (2 × 0.98) = 2,367.35.
        assertThat(added.risk().liquidationPrice()).isCloseTo(new BigDecimal("2367.347"), within(new BigDecimal("0.001")));

        WatchedInsights.WhatIf refused = insights.whatIf(USER, new OpenOrder("BTCUSDT", Side.LONG, BigDecimal.ONE, null,
                5, null, null)).get(0).result();
        assertThat(refused.refused()).isEqualTo(new WatchedInsights.Refused(WatchedInsights.Refusal.NO_MARKET, "BTCUSDT",
                null, null));
        assertThat(insights.whatIf(USER, new OpenOrder("ETHUSDT", Side.LONG, BigDecimal.ONE, null, 40, null, null))
                .get(0).result().refused()).isEqualTo(new WatchedInsights.Refused(
                WatchedInsights.Refusal.LEVERAGE_ABOVE_MAX, "ETH", null, 25));
    }

    @Test
    void whatIf_keepsToHyperliquidsSizeDecimals_aSumRoundsDown_aFinerSizeIsRefused() {
        // ETH's szDecimals 4: sizes in steps of 0.0001 ETH
        insights.lotSizes = coin -> "ETH".equals(coin) ? Optional.of(new LotSize(new BigDecimal("0.0001"), null))
                : Optional.empty();
        rig.marks.put("ETH", new BigDecimal("2800"));
        rig.tickAfter(Duration.ofSeconds(11));

        // 1,000 / 2,800 = 0.357142… ETH → 0.3571 (never up), on the isolated account's LONG 1
        WatchedInsights.WhatIf bySum = insights.whatIf(USER, new OpenOrder("ETHUSDT", Side.LONG, null,
                new BigDecimal("1000"), 5, null, null)).get(0).result();
        assertThat(bySum.refused()).isNull();
        assertThat(bySum.resulting().quantity()).isEqualByComparingTo("1.3571");

        assertThat(insights.whatIf(USER, new OpenOrder("ETHUSDT", Side.LONG, new BigDecimal("0.12345"), null, 5, null,
                null)).get(0).result().refused()).isEqualTo(new WatchedInsights.Refused(
                WatchedInsights.Refusal.OFF_SIZE_STEP, "ETH", null, null, new BigDecimal("0.0001")));
        // 0.2 / 2,800 = 0.00007 ETH: less than one step
        assertThat(insights.whatIf(USER, new OpenOrder("ETHUSDT", Side.LONG, null, new BigDecimal("0.2"), 5, null,
                null)).get(0).result().refused().reason()).isEqualTo(WatchedInsights.Refusal.SUM_BELOW_SIZE_STEP);
        assertThat(insights.whatIf(USER, new OpenOrder("ETHUSDT", Side.LONG, new BigDecimal("0.1234"), null, 5, null,
                null)).get(0).result().resulting().quantity()).as("on the step: as typed").isEqualByComparingTo("1.1234");
    }
}
