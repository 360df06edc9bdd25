package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.RecordingNotifier;

/**
 * The watch in milliseconds: marks move, the monitor ticks over in-memory stores, and the warnings, drain notices
 * and liquidations it queues are read back from the notifier — the numbers the chat shows come from these notices.
 */
class RiskMonitorTest {

    private static final long TRADER = 11;

    private final WatchRig rig = new WatchRig();
    private final RecordingNotifier sent = rig.desk.notifier;

    @BeforeEach
    void openAccount() {
        rig.desk.marks.set("BTCUSDT", "80000").set("ETHUSDT", "2600").set("SOLUSDT", "110");
        rig.desk.trading.start(TRADER, "Trader");
        rig.commit();
    }

    /** One minute later, a tick at these BTC, ETH and SOL marks; the notices it queued. */
    private List<Notice> tick(String btc, String eth, String sol) {
        rig.desk.clock.advance(Duration.ofMinutes(1));
        sent.clear();
        rig.tick("BTCUSDT", btc, "ETHUSDT", eth, "SOLUSDT", sol);
        return sent.notices();
    }

    private void open(String symbol, Side side, String quantity, int leverage, MarginMode mode, String at) {
        rig.desk.trading.open(TRADER, order(symbol, side, quantity, leverage, mode, at));
        rig.commit();
    }

    private static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void isolatedLong_walksThroughEveryLevelToLiquidation_onceEach() {
        // 0.1 BTC at 80,000 with 5x: margin 1,600; liquidation (8,000 − 1,600) / (0.1 × 0.996) = 64,257.03
        open("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000");

        Notice.PositionWarning warning = (Notice.PositionWarning) tick("71000", "2600", "110").get(0);
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.WARNING);
        assertThat(warning.positionNumber()).isEqualTo(1);
        assertThat(warning.risk().liquidationPrice().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("64257.03");
        assertThat(pct(warning.risk().distanceToLiquidation())).isEqualTo("9.50");
        assertThat(warning.marginToAdd()).isPositive();

        assertThat(tick("67000", "2600", "110")).singleElement().satisfies(n -> assertThat(
                ((Notice.PositionWarning) n).decision().level()).isEqualTo(RiskLevel.DANGER));
        assertThat(tick("65500", "2600", "110")).singleElement().satisfies(n -> assertThat(
                ((Notice.PositionWarning) n).decision().level()).isEqualTo(RiskLevel.CRITICAL));

        Notice.IsolatedLiquidated liquidated = (Notice.IsolatedLiquidated) tick("64000", "2600", "110").get(0);
        assertThat(liquidated.marginLost()).isEqualByComparingTo("1600");
        assertThat(liquidated.liquidationPrice().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("64257.03");
        assertThat(liquidated.marginThatWouldHaveSaved()).isPositive();

        assertThat(tick("63000", "2600", "110")).isEmpty();
        assertThat(rig.desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("8400");
        assertThat(rig.monitor.watchedPositions()).isZero();
    }

    @Test
    void ticks_readNothingFromTheStores_evenWhileWarning() {
        open("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000");
        open("ETHUSDT", Side.LONG, "10", 20, MarginMode.CROSS, "2600");
        int accountReads = rig.desk.store.reads();
        int alertReads = rig.desk.alerts.reads();

        assertThat(tick("71000", "2600", "110")).hasSize(1);    // isolated WARNING
        // isolated DANGER; the pool (8,400 of cross wallet) 8,280 down: margin ratio 59%, a WARNING
        assertThat(tick("67000", "1772", "110")).anySatisfy(n -> assertThat(n).isInstanceOf(Notice.PoolWarning.class))
                .anySatisfy(n -> assertThat(n).isInstanceOf(Notice.PositionWarning.class));
        tick("80000", "2600", "110");

        assertThat(rig.desk.store.reads()).isEqualTo(accountReads);
        assertThat(rig.desk.alerts.reads()).isEqualTo(alertReads);
    }

    @Test
    void aGapPastTheLiquidationPrice_liquidatesAtTheMark_withTheLiquidationPriceInTheNotice() {
        open("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000");

        List<Notice> notices = tick("50000", "2600", "110");

        assertThat(notices).singleElement().isInstanceOfSatisfying(Notice.IsolatedLiquidated.class, n -> {
            assertThat(n.markPrice()).isEqualByComparingTo("50000");
            assertThat(n.liquidationPrice().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("64257.03");
        });
    }

    @Test
    void sameLevel_isNotRepeated_andRecoveryReArms() {
        open("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000");

        assertThat(tick("71000", "2600", "110")).hasSize(1);
        assertThat(tick("70500", "2600", "110")).isEmpty();
        assertThat(tick("71200", "2600", "110")).isEmpty();

        rig.desk.clock.advance(Duration.ofMinutes(15));
        assertThat(tick("80000", "2600", "110")).isEmpty();   // clearly safe again
        assertThat(tick("71000", "2600", "110")).singleElement().isInstanceOf(Notice.PositionWarning.class);
    }

    @Test
    void restart_remembersWhatWasAnnounced() {
        open("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000");
        assertThat(tick("71000", "2600", "110")).hasSize(1);

        rig.monitor.restartFromDatabase();

        assertThat(tick("70900", "2600", "110")).isEmpty();
        assertThat(tick("67000", "2600", "110")).hasSize(1);
    }

    @Test
    void crossPool_withThreePositions_drainsThroughTheLevelsToLiquidation() {
        open("BTCUSDT", Side.LONG, "1", 20, MarginMode.CROSS, "80000");
        open("ETHUSDT", Side.LONG, "10", 20, MarginMode.CROSS, "2600");
        open("SOLUSDT", Side.LONG, "100", 20, MarginMode.CROSS, "110");

        // Ratio 5.09% looks harmless, but a joint fall of 8.15% of all three marks liquidates the pool: WARNING.
        Notice.PoolWarning opened = only(Notice.PoolWarning.class, tick("80000", "2600", "110"));
        assertThat(opened.decision().level()).isEqualTo(RiskLevel.WARNING);
        assertThat(opened.pool().marginRatio().movePointRight(2)).isBetween(d("5.0"), d("5.1"));
        assertThat(opened.distance().move()).isBetween(d("0.081"), d("0.082"));

        // Margin balance 10,000 → 4,150 in a minute: a drain, but the DANGER warning of the same tick says it with
        // the same figures, so no drain notice follows it.
        List<Notice> fivePercentDown = tick("76000", "2470", "104.5");
        Notice.PoolWarning danger = only(Notice.PoolWarning.class, fivePercentDown);
        assertThat(danger.decision().level()).isEqualTo(RiskLevel.DANGER);
        assertThat(danger.pool().marginBalance()).isEqualByComparingTo("4150");
        assertThat(danger.distance().move()).isBetween(d("0.03"), d("0.035"));
        assertThat(fivePercentDown).noneMatch(Notice.DrainWarning.class::isInstance);

        Notice.PoolWarning critical = only(Notice.PoolWarning.class, tick("73760", "2397.2", "101.42"));
        assertThat(critical.decision().level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(critical.pool().marginRatio().movePointRight(2)).isBetween(d("53.2"), d("53.3"));

        Notice.CrossLiquidated liquidated = (Notice.CrossLiquidated) tick("73440", "2386.8", "100.98").get(0);
        assertThat(liquidated.closedPositions()).extracting(p -> "#" + p.number() + " " + p.symbol() + " " + p.side())
                .containsExactly("#1 BTCUSDT LONG", "#2 ETHUSDT LONG", "#3 SOLUSDT LONG");
        assertThat(liquidated.walletLost()).isEqualByComparingTo("10000");
        assertThat(rig.desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("0");
        assertThat(rig.monitor.watchedPositions()).isZero();
    }

    @Test
    void crossPool_drainingIntoWarning_hearsBoth_drainingPastIt_onlyTheMoreSevereWarning() {
        // 30 ETH long 20x cross on 10,000: 12% from liquidation at 2,600, safe
        open("ETHUSDT", Side.LONG, "30", 20, MarginMode.CROSS, "2600");
        assertThat(tick("80000", "2600", "110")).isEmpty();

        // −3%: 2,400 of 10,000 gone in a minute (a drain) and the pool enters WARNING in the same tick. The drain
        // notice is not less severe than that warning and tells what it does not (the rate, the time left): both go.
        List<Notice> intoWarning = tick("80000", "2520", "110");
        assertThat(only(Notice.PoolWarning.class, intoWarning).decision().level()).isEqualTo(RiskLevel.WARNING);
        Notice.DrainWarning drain = only(Notice.DrainWarning.class, intoWarning);
        assertThat(pct(drain.dropFraction())).isEqualTo("24.00");
        assertThat(drain.drainingSymbol()).isEqualTo("ETHUSDT");
        assertThat(intoWarning.indexOf(drain)).isGreaterThan(intoWarning.indexOf(only(Notice.PoolWarning.class,
                intoWarning)));
    }

    @Test
    void crossPool_drainingStraightIntoDanger_hearsTheDangerWarningOnly_thenNoDrainNoticeLater() {
        open("ETHUSDT", Side.LONG, "30", 20, MarginMode.CROSS, "2600");
        assertThat(tick("80000", "2600", "110")).isEmpty();

        // −8%: 6,300 of 10,000 gone in a minute, the pool less than 5% from liquidation: one DANGER warning. A drain
        // notice queued after it (a lesser level, the same figures) would only blur it.
        List<Notice> intoDanger = tick("80000", "2390", "110");
        assertThat(intoDanger).singleElement().isInstanceOfSatisfying(Notice.PoolWarning.class,
                warning -> assertThat(warning.decision().level()).isEqualTo(RiskLevel.DANGER));
        // The drain episode counts as told: the next minutes, still down there, bring no drain notice either.
        assertThat(tick("80000", "2385", "110")).noneMatch(Notice.DrainWarning.class::isInstance);
        assertThat(tick("80000", "2385", "110")).noneMatch(Notice.DrainWarning.class::isInstance);
    }

    private static <N extends Notice> N only(Class<N> kind, List<Notice> notices) {
        List<N> matching = notices.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(matching).as("%s among %s", kind.getSimpleName(), notices).hasSize(1);
        return matching.get(0);
    }


    @Test
    void crossPool_withASymbolUnpriced_isNeitherWarnedNorLiquidated() {
        open("BTCUSDT", Side.LONG, "1", 20, MarginMode.CROSS, "80000");
        open("ETHUSDT", Side.LONG, "10", 20, MarginMode.CROSS, "2600");
        rig.desk.marks.stale("ETHUSDT");
        rig.desk.clock.advance(Duration.ofMinutes(1));

        rig.tick("BTCUSDT", "60000");   // far past the pool's end, but ETH's value is unknown

        assertThat(sent.notices()).isEmpty();
        assertThat(rig.desk.store.openPositions(TRADER)).hasSize(2);
    }

    @Test
    void chartSamples_areHandedOverOncePerMinute_forHeldSymbolsOnly() {
        open("BTCUSDT", Side.LONG, "1", 20, MarginMode.CROSS, "80000");

        tick("80000", "2600", "110");
        rig.tick("BTCUSDT", "80100");   // same minute: nothing more

        assertThat(rig.chartMarks).singleElement().satisfies(m -> assertThat(m).containsOnlyKeys("BTCUSDT"));
        assertThat(rig.chartPools).singleElement().satisfies(p -> assertThat(p.userId()).isEqualTo(TRADER));
    }

    @Test
    void feedPauseAndResume_tellEveryWatchedUserOnce() {
        open("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000");
        FeedPauseNotices pauses = new FeedPauseNotices(rig.monitor, rig.delivery, rig.desk.clock);
        sent.clear();

        pauses.onFeedPaused(new PriceFeedPaused(rig.desk.clock.instant().minus(Duration.ofMinutes(3))));
        pauses.onFeedResumed(new PriceFeedResumed(rig.desk.clock.instant().minus(Duration.ofMinutes(3)),
                rig.desk.clock.instant()));

        assertThat(sent.notices()).containsExactly(new Notice.FeedPaused(TRADER, Duration.ofMinutes(3)),
                new Notice.FeedResumed(TRADER));
    }

    private static RiskLevel level(List<Notice> notices) {
        assertThat(notices).hasSize(1);
        return ((Notice.PoolWarning) notices.get(0)).decision().level();
    }
}
