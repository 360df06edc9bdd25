package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPosition;

/**
 * Issue 13, "a restart does not repeat warnings": the watcher's whole in-memory state (book, poll planner,
 * preference cache) is thrown away three times mid-watch and rebuilt from the stores, and across the restarts
 * every notice is told exactly once: a warned level is not warned again, an outage told before a restart is not
 * told again after it (its end is told once), and a liquidation seen just before a restart is still reported as
 * a liquidation when the next answer shows the position gone, although the mark has come back by then.
 */
class WatcherRestartTest {

    private static final long USER = 7;
    private static final String ADDRESS = "0x00000000000000000000000000000000000000e7";
    /** ETH long 1 at 3,000, isolated 5x (600 margin); Hyperliquid's maintenance 1/(2 × 25): liquidation 2,448.98. */
    private static final BigDecimal LIQUIDATION = new BigDecimal("2448.98");

    private final WatcherRig rig = new WatcherRig(Instant.parse("2032-05-01T08:00:00Z"));

    @Test
    void restartsMidWatch_loseNothing_andTellNothingTwice() {
        rig.marks.put("ETH", new BigDecimal("3000"));
        rig.answers.put(ADDRESS, withEthLong(new BigDecimal("1000")));
        rig.list.watch(USER, ADDRESS);
        rig.tickAfter(Duration.ofSeconds(11));
        assertThat(rig.drainTold()).isEmpty();

        // 3.96% from liquidation: DANGER, told once.
        rig.marks.put("ETH", new BigDecimal("2550"));
        rig.tickAfter(Duration.ofSeconds(11));
        assertThat(rig.drainTold()).singleElement().isInstanceOfSatisfying(WatchNotice.PositionWarning.class,
                warning -> assertThat(warning.decision().level()).isEqualTo(RiskLevel.DANGER));

        rig.restart();
        rig.tickAfter(Duration.ofSeconds(11));
        rig.tickAfter(Duration.ofSeconds(21));
        assertThat(rig.drainTold()).as("the DANGER level was warned before the restart").isEmpty();

        // No data for over 2 minutes: told once, then the process restarts while the outage lasts.
        rig.failures.put(ADDRESS, "HTTP 429 (rate limited)");
        for (int i = 0; i < 5; i++) {
            rig.tickAfter(Duration.ofSeconds(50));
        }
        assertThat(rig.drainTold()).singleElement().isInstanceOf(WatchNotice.Unavailable.class);
        rig.restart();
        for (int i = 0; i < 5; i++) {
            rig.tickAfter(Duration.ofSeconds(50));
        }
        assertThat(rig.drainTold()).as("the outage was told before the restart").isEmpty();

        // Data comes back: its return is told once, the held DANGER is not warned again.
        rig.failures.remove(ADDRESS);
        rig.tickAfter(Duration.ofSeconds(50));
        assertThat(rig.drainTold()).singleElement().isInstanceOf(WatchNotice.Back.class);

        // The mark passes the liquidation price (seen between two answers), and the process restarts.
        rig.marks.put("ETH", new BigDecimal("2440"));
        rig.tickAfter(Duration.ofSeconds(11));
        assertThat(rig.drainTold()).singleElement().isInstanceOfSatisfying(WatchNotice.PositionWarning.class,
                warning -> assertThat(warning.decision().level()).isEqualTo(RiskLevel.LIQUIDATED));
        rig.restart();

        // After the restart the mark is back above the liquidation price and the next answer has no ETH: the
        // sighting survived the restart, so it is a liquidation (a restart that forgot it would say "closed").
        rig.marks.put("ETH", new BigDecimal("2480"));
        rig.answers.put(ADDRESS, new WatchedAccountState(null, new BigDecimal("400"), new BigDecimal("400"),
                BigDecimal.ZERO, new BigDecimal("400"), List.of()));
        rig.tickAfter(Duration.ofSeconds(11));
        assertThat(rig.drainTold()).singleElement().isInstanceOfSatisfying(WatchNotice.PositionEnded.class, ended -> {
            assertThat(ended.ended().liquidated()).isTrue();
            assertThat(ended.ended().accountValueLoss()).isEqualByComparingTo("600");
        });
        assertThat(rig.sightingRows).as("the answer settled the sighting").isEmpty();

        rig.restart();
        for (int i = 0; i < 4; i++) {
            rig.tickAfter(Duration.ofSeconds(50));
        }
        assertThat(rig.drainTold()).isEmpty();
    }

    private static WatchedAccountState withEthLong(BigDecimal accountValue) {
        WatchedPosition eth = new WatchedPosition("ETH", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"),
                MarginMode.ISOLATED, 5, LIQUIDATION, new BigDecimal("600"), new BigDecimal("3000"), BigDecimal.ZERO,
                25);
        return new WatchedAccountState(null, accountValue, new BigDecimal("400"), BigDecimal.ZERO,
                new BigDecimal("400"), List.of(eth));
    }
}
