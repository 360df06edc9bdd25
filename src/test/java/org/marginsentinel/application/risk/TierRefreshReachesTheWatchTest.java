package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;

/**
 * Brackets refreshed from the exchange while positions are open move their liquidation prices: the watch must judge
 * the next tick with the new tiers, not with the curves it solved at start.
 */
class TierRefreshReachesTheWatchTest {

    private static final long TRADER = 21;

    private final WatchRig rig = new WatchRig();

    @Test
    void stricterBracketsForAHeldSymbol_warnAtTheNextTick() {
        rig.desk.marks.set("BTCUSDT", "80000");
        rig.desk.trading.start(TRADER, "Trader");
        rig.commit();
        // 0.1 BTC at 80,000 with 5x: margin 1,600; liquidation at 64,257.03 with the shipped 0.4% rate
        rig.desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000"));
        rig.commit();
        assertThat(tickAt("72000")).as("10.8% from liquidation: quiet").isEmpty();

        // The exchange now asks 10% maintenance: liquidation (8,000 − 1,600) / (0.1 × 0.9) = 71,111.11
        ListedTiers strict = new ListedTiers(TierSchedule.of(List.of(
                new MaintenanceTier(BigDecimal.ZERO, null, new BigDecimal("0.10"), BigDecimal.ZERO, 5))),
                new TierSource(TierSource.BINANCE, LocalDate.of(2026, 12, 3)));
        rig.desk.tiers.update(Map.of("BTCUSDT", strict));
        rig.monitor.tiersChanged(Set.of("BTCUSDT"));

        List<Notice> notices = tickAt("72000");
        assertThat(notices).singleElement().isInstanceOfSatisfying(Notice.PositionWarning.class, warning -> {
            assertThat(warning.decision().level()).isEqualTo(RiskLevel.CRITICAL);
            assertThat(warning.risk().liquidationPrice().setScale(2, RoundingMode.HALF_EVEN))
                    .isEqualByComparingTo("71111.11");
        });
    }

    @Test
    void unchangedBracketsCompareEqual_soARefreshWithTheSameTiersRebuildsNothing() {
        TierSchedule shipped = rig.desk.tiers.listedSchedule("BTCUSDT").orElseThrow();
        TierSchedule rescaled = TierSchedule.of(shipped.tiers().stream().map(t -> new MaintenanceTier(
                t.notionalFloor().setScale(4), t.notionalCap() == null ? null : t.notionalCap().setScale(4),
                t.maintenanceMarginRate().setScale(6), t.maintenanceAmount().setScale(4), t.maxLeverage())).toList());
        assertThat(rescaled).isEqualTo(shipped).hasSameHashCodeAs(shipped);
        assertThat(rig.desk.tiers.listedSchedule("ETHUSDT")).get().isNotEqualTo(shipped);
    }

    private List<Notice> tickAt(String btc) {
        rig.desk.clock.advance(Duration.ofMinutes(1));
        rig.desk.notifier.clear();
        rig.tick("BTCUSDT", btc);
        return rig.desk.notifier.notices();
    }
}
