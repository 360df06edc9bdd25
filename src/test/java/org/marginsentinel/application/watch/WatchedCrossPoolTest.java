package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;

/**
 * Issues 12 and 13: a watched Hyperliquid cross pool is judged like a paper pool: by the worse of its margin ratio and
 * its survivable joint move, and watched for a drain that is warned once, also across a restart.
 */
class WatchedCrossPoolTest {

    private static final long USER = 7;
    private static final String ADDRESS = "0x00000000000000000000000000000000000000c5";

    private final WatcherRig rig = new WatcherRig(Instant.parse("2032-05-01T08:00:00Z"));

    @Test
    void aHighLeverageCrossPool_withALowMarginRatio_isWarnedByItsSmallSurvivableMove() {
        // BTC long 1 at 95,000, cross 20x, on 4,750 USDC: maintenance 1,900 (Hyperliquid's 2% for a 25x coin), a 40%
        // margin ratio, SAFE by the ratio alone; yet a 3.06% fall of BTC brings the balance down to maintenance.
        rig.marks.put("BTC", new BigDecimal("95000"));
        rig.answers.put(ADDRESS, crossBtcLong(BigDecimal.ONE, new BigDecimal("4750"), 20));
        rig.list.watch(USER, ADDRESS);

        rig.tickAfter(Duration.ofSeconds(11));

        WatchNotice.PoolWarning warning = rig.drainTold().stream().filter(WatchNotice.PoolWarning.class::isInstance)
                .map(WatchNotice.PoolWarning.class::cast).reduce((a, b) -> {
                    throw new AssertionError("more than one pool warning: " + a + ", " + b);
                }).orElseThrow();
        assertThat(RiskThresholds.DEFAULTS.forMarginRatio(warning.pool().marginRatio()))
                .as("the ratio alone says safe").isEqualTo(RiskLevel.SAFE);
        assertThat(warning.distance().move()).isBetween(new BigDecimal("0.0305"), new BigDecimal("0.0307"));
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.DANGER);
    }

    @Test
    void aDrainingWatchedPool_isWarnedOnce_andARestartDoesNotRepeatIt() {
        // BTC long 0.1 at 95,000, cross 5x, on 10,000 USDC: a 3% ratio and a survivable move far beyond the warning
        // distances. BTC then slides 1,000 a minute: the margin balance loses 100 a minute.
        BigDecimal mark = new BigDecimal("95000");
        rig.marks.put("BTC", mark);
        rig.answers.put(ADDRESS, crossBtcLong(new BigDecimal("0.1"), new BigDecimal("10000"), 5));
        rig.list.watch(USER, ADDRESS);
        rig.tickAfter(Duration.ofSeconds(11));
        assertThat(rig.drainTold()).isEmpty();

        List<WatchNotice.DrainWarning> drains = new java.util.ArrayList<>();
        for (int minute = 1; minute <= 25; minute++) {
            mark = mark.subtract(new BigDecimal("1000"));
            rig.marks.put("BTC", mark);
            rig.tickAfter(Duration.ofSeconds(30));
            rig.tickAfter(Duration.ofSeconds(30));
            rig.drainTold().stream().filter(WatchNotice.DrainWarning.class::isInstance)
                    .map(WatchNotice.DrainWarning.class::cast).forEach(drains::add);
        }

        // 20% of 10,000 is gone after 20 minutes (BTC at 75,000): warned then, and only then.
        WatchNotice.DrainWarning drain = drains.stream().reduce((a, b) -> {
            throw new AssertionError("the drain was warned twice: " + a + ", " + b);
        }).orElseThrow();
        assertThat(drain.userId()).isEqualTo(USER);
        assertThat(drain.drain().dropFraction()).isBetween(new BigDecimal("0.20"), new BigDecimal("0.21"));
        assertThat(drain.drainingCoin()).isEqualTo("BTC");
        assertThat(drain.timeToLiquidation()).isNotNull();
        assertThat(drain.distance()).isNotNull();
        assertThat(rig.drainEpisodes.rows).as("the open episode is stored").containsKey("hl:1:drain");

        // A restart mid-drain, and BTC slides on to 50,000: 24% under the balance seen after the restart, 45% under
        // the high before it. The episode was stored, so it is the same drain, not a new one.
        rig.restart();
        for (int minute = 1; minute <= 20; minute++) {
            mark = mark.subtract(new BigDecimal("1000"));
            rig.marks.put("BTC", mark);
            rig.tickAfter(Duration.ofSeconds(30));
            rig.tickAfter(Duration.ofSeconds(30));
            assertThat(rig.drainTold()).noneMatch(WatchNotice.DrainWarning.class::isInstance);
        }
    }

    /** One cross BTC long at 95,000 (the exchange's mark then) on {@code accountValue} USDC, no other position. */
    private static WatchedAccountState crossBtcLong(BigDecimal size, BigDecimal accountValue, int leverage) {
        BigDecimal value = size.multiply(new BigDecimal("95000"));
        WatchedPosition btc = new WatchedPosition("BTC", Side.LONG, size, new BigDecimal("95000"), MarginMode.CROSS,
                leverage, null, value.divide(BigDecimal.valueOf(leverage), 8, RoundingMode.HALF_UP), value,
                BigDecimal.ZERO, 25);
        return new WatchedAccountState(null, accountValue, accountValue, value.multiply(new BigDecimal("0.02")),
                accountValue, List.of(btc));
    }
}
