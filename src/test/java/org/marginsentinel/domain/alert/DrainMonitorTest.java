package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;

class DrainMonitorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final String ACCOUNT = "alice";

    private MarkHistory marks;
    private DrainMonitor<String> monitor;

    @BeforeEach
    void setUp() {
        marks = new MarkHistory();
        monitor = new DrainMonitor<>(DrainSettings.DEFAULTS, marks);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Instant minute(long minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private DrainReport observe(long minute, String marginBalance) {
        return observe(minute, marginBalance, "2000", List.of());
    }

    private DrainReport observe(long minute, String marginBalance, String maintenance, List<PricedPosition> book) {
        return monitor.observe(ACCOUNT, minute(minute).plusSeconds(17), d(marginBalance), d(maintenance), book);
    }

    /** 10,000 at minute 0, then 100 less every minute up to {@code lastMinute}; returns the last report. */
    private DrainReport fallSteadily(long lastMinute) {
        DrainReport report = null;
        for (long minute = 0; minute <= lastMinute; minute++) {
            report = observe(minute, String.valueOf(10_000 - 100 * minute));
        }
        return report;
    }

    @Test
    void observe_steadyFallReachingTwentyPercent_reportsDropRateAndTimeToLiquidation() {
        // 10,000 -> 8,000 in 20 minutes: drop 20%, loss 2,000 per 1/3 h = 6,000 USDT/h;
        // headroom 8,000 - 2,000 = 6,000 USDT -> 1 h at that rate.
        DrainReport beforeThreshold = fallSteadily(19);
        DrainReport report = observe(20, "8000");

        assertThat(beforeThreshold.alert()).isFalse();
        assertThat(beforeThreshold.dropFraction()).isEqualByComparingTo("0.19");
        assertThat(report.alert()).isTrue();
        assertThat(report.dropFraction()).isEqualByComparingTo("0.20");
        assertThat(report.peakMarginBalance()).isEqualByComparingTo("10000");
        assertThat(report.peakAt()).isEqualTo(T0);
        assertThat(report.marginBalance()).isEqualByComparingTo("8000");
        assertThat(report.lossPerHour()).isEqualByComparingTo("6000");
        assertThat(report.estimatedTimeToLiquidation()).contains(Duration.ofHours(1));
    }

    @ParameterizedTest(name = "[{index}] high {0}, {1} min later {2}, maintenance {3}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            high,  minutesLater, now,   maintenance, drop,   lossPerHour, secondsToLiquidation
            # loss / high; loss x 60 / minutes; (now - maintenance) / lossPerHour x 3600
            10000, 20,           8000,  2000,        0.2,    6000,        3600
            5000,  30,           3900,  1500,        0.22,   2200,        3927
            5000,  45,           3000,  3100,        0.4,    2666.666666666666666666666666666667, 0
            1000,  1,            999,   100,         0.001,  4,           809100
            """)
    void observe_fallFromAHigh_rateAndTimeAsComputedByHand(String high, long minutesLater, String now,
                                                          String maintenance, BigDecimal drop,
                                                          BigDecimal lossPerHour, long secondsToLiquidation) {
        // 3,900 - 1,500 = 2,400 / 2,200 h = 1.0909 h = 3,927.27 s -> 3,927 (floored)
        // one minute is measured as 15: 1 x 60 / 15 = 4 USDT/h; 999 - 100 = 899 / 4 h = 224.75 h = 809,100 s
        observe(0, high, maintenance, List.of());
        DrainReport report = observe(minutesLater, now, maintenance, List.of());

        assertThat(report.dropFraction()).isEqualByComparingTo(drop);
        assertThat(report.lossPerHour()).isEqualByComparingTo(lossPerHour);
        assertThat(report.timeToLiquidation()).isEqualTo(Duration.ofSeconds(secondsToLiquidation));
    }

    @Test
    void observe_drain_namesThePositionThatLostMostSinceTheHigh() {
        // since the high at minute 0: BTC long 1: 60,000 -> 58,000 = -2,000; ETH short 10: 3,000 -> 2,990 = +100;
        // SOL long 50: 150 -> 140 = -500; DOGE has no mark history and is skipped
        marks.record("BTCUSDT", minute(0), d("60000"));
        marks.record("ETHUSDT", minute(0), d("3000"));
        marks.record("SOLUSDT", minute(0), d("150"));
        List<PricedPosition> book = List.of(
                new PricedPosition(Position.cross("eth", "ETHUSDT", Side.SHORT, d("10"), d("3100"), 20), d("2990")),
                new PricedPosition(Position.cross("btc", "BTCUSDT", Side.LONG, d("1"), d("61000"), 20), d("58000")),
                new PricedPosition(Position.cross("sol", "SOLUSDT", Side.LONG, d("50"), d("145"), 20), d("140")),
                new PricedPosition(Position.cross("doge", "DOGEUSDT", Side.LONG, d("1e6"), d("0.2"), 20), d("0.1")));

        observe(0, "10000", "500", book);
        DrainReport report = observe(10, "7500", "500", book);

        assertThat(report.alert()).isTrue();
        assertThat(report.worst()).hasValueSatisfying(worst -> {
            assertThat(worst.positionId()).isEqualTo("btc");
            assertThat(worst.symbol()).isEqualTo("BTCUSDT");
            assertThat(worst.pnlChange()).isEqualByComparingTo("-2000");
        });
    }

    @Test
    void observe_noPositionLost_namesNone() {
        marks.record("ETHUSDT", minute(0), d("3000"));
        List<PricedPosition> book = List.of(
                new PricedPosition(Position.cross("eth", "ETHUSDT", Side.SHORT, d("10"), d("3100"), 20), d("2990")));

        observe(0, "10000", "500", book);

        assertThat(observe(10, "7500", "500", book).worst()).isEmpty();
    }

    @Test
    void observe_keepsFalling_reportsOncePerEpisode() {
        fallSteadily(20);

        int alerts = 0;
        for (long minute = 21; minute <= 50; minute++) {
            alerts += observe(minute, String.valueOf(10_000 - 100 * minute)).alert() ? 1 : 0;
        }

        assertThat(alerts).isZero();
    }

    @Test
    void observe_partialRecovery_doesNotRearm() {
        fallSteadily(20);
        observe(21, "8500");

        // 15% under the high is not back under the 10% re-arm line; falling to 30% is the same episode
        assertThat(observe(22, "7000").alert()).isFalse();
    }

    @Test
    void observe_clearRecoveryThenNewFall_reportsAgain() {
        fallSteadily(20);
        DrainReport recovered = observe(21, "9100");

        DrainReport again = observe(30, "7900");

        assertThat(recovered.dropFraction()).isEqualByComparingTo("0.09");
        assertThat(again.alert()).isTrue();
        assertThat(again.dropFraction()).isEqualByComparingTo("0.21");
    }

    @Test
    void observe_highOlderThanTheWindow_isForgotten() {
        observe(0, "10000");

        DrainReport lastMinuteInWindow = monitor.observe("bob", minute(59), d("7900"), d("0"), List.of());
        observe(59, "7900");
        DrainReport afterWindow = observe(60, "7900");

        assertThat(lastMinuteInWindow.dropFraction()).isEqualByComparingTo("0");
        assertThat(afterWindow.dropFraction()).isEqualByComparingTo("0");
        assertThat(afterWindow.alert()).isFalse();
    }

    @Test
    void observe_highAtTheEdgeOfTheWindow_stillCounts() {
        observe(0, "10000");

        DrainReport report = observe(59, "7900");

        assertThat(report.alert()).isTrue();
        assertThat(report.peakAt()).isEqualTo(T0);
    }

    @Test
    void observe_fiveHoursOfSamples_keepsOneHourOfMinutes() {
        for (long second = 0; second < 5 * 3600; second += 20) {
            monitor.observe(ACCOUNT, T0.plusSeconds(second), d("10000"), d("0"), List.of());
        }

        assertThat(monitor.retainedMinutes(ACCOUNT)).isEqualTo(60);
        assertThat(monitor.trackedAccounts()).isEqualTo(1);
    }

    @Test
    void observe_gapInTheSamples_dropsTheMinutesThatLeftTheWindow() {
        for (long minute = 0; minute < 60; minute++) {
            observe(minute, "10000");
        }

        observe(65, "10000");

        // minutes 6..59 are still within the hour before minute 65, plus minute 65 itself
        assertThat(monitor.retainedMinutes(ACCOUNT)).isEqualTo(55);
    }

    @Test
    void observe_severalSamplesInAMinute_theLastCounts() {
        monitor.observe(ACCOUNT, T0, d("10000"), d("0"), List.of());
        monitor.observe(ACCOUNT, T0.plusSeconds(30), d("12000"), d("0"), List.of());
        monitor.observe(ACCOUNT, T0.plusSeconds(59), d("10000"), d("0"), List.of());

        DrainReport report = observe(5, "8000");

        assertThat(report.peakMarginBalance()).isEqualByComparingTo("10000");
        assertThat(report.dropFraction()).isEqualByComparingTo("0.2");
    }

    @Test
    void observe_notFalling_hasNoRateAndNoTimeToLiquidation() {
        observe(0, "8000");

        DrainReport report = observe(10, "9000");

        assertThat(report.dropFraction()).isEqualByComparingTo("0");
        assertThat(report.lossPerHour()).isEqualByComparingTo("0");
        assertThat(report.estimatedTimeToLiquidation()).isEmpty();
        assertThat(report.peakAt()).isEqualTo(minute(10));
    }

    @Test
    void observe_lateSample_countsForTheNewestMinute() {
        observe(0, "10000");
        observe(10, "9000");

        DrainReport late = monitor.observe(ACCOUNT, minute(3), d("7500"), d("0"), List.of());

        assertThat(late.dropFraction()).isEqualByComparingTo("0.25");
        assertThat(late.lossPerHour()).isEqualByComparingTo("10000"); // 2,500 over 10 minutes, measured as 15
    }

    @Test
    void shift_afterADepositMidDrain_keepsTheDrop_soTheDrainIsStillWarned() {
        observe(0, "10000");
        observe(10, "9000");                       // −10% by the market
        monitor.shift(ACCOUNT, d("5000"));         // +5,000 deposited: the history reads 15,000 → 14,000

        DrainReport report = observe(20, "11000"); // the market took 3,000 more: 4,000 of 15,000

        assertThat(report.dropFraction()).isEqualByComparingTo("0.2666666666666666666666666666666667");
        assertThat(report.peakMarginBalance()).isEqualByComparingTo("15000");
        assertThat(report.alert()).isTrue();
    }

    @Test
    void shift_afterAWithdrawal_isNotADrain() {
        observe(0, "10000");
        monitor.shift(ACCOUNT, d("-3000"));        // 3,000 withdrawn

        DrainReport report = observe(5, "7000");

        assertThat(report.dropFraction()).isEqualByComparingTo("0");
        assertThat(report.alert()).isFalse();
    }

    @Test
    void lossRate_ofOneSharpMinute_isMeasuredOverTheShortestRateWindow() {
        observe(0, "10000");

        DrainReport report = observe(1, "8875");   // 1,125 in one minute: not 67,500 per hour

        assertThat(report.lossPerHour()).isEqualByComparingTo("4500");
        assertThat(DrainMonitor.timeAtRate(d("4500"), d("4500"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void forget_afterADeposit_startsAfresh() {
        fallSteadily(19);

        monitor.forget(ACCOUNT);

        assertThat(monitor.trackedAccounts()).isZero();
        assertThat(observe(20, "8000").dropFraction()).isEqualByComparingTo("0");
    }

    @Test
    void observe_customThreshold_isUsed() {
        DrainMonitor<Long> strict = new DrainMonitor<>(new DrainSettings(d("0.05"), d("0.02"), 30), marks);
        strict.observe(1L, minute(0), d("1000"), d("0"), List.of());

        assertThat(strict.observe(1L, minute(1), d("950"), d("0"), List.of()).alert()).isTrue();
    }

    @Test
    void constructor_markHistoryShorterThanTheWindow_isRefused() {
        assertThatThrownBy(() -> new DrainMonitor<>(DrainSettings.DEFAULTS, new MarkHistory(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 minutes");
    }

    @Test
    void resume_measuresAgainstTheStoredHigh_withoutReportingTheEpisodeAgain_andEndsItWhenTheHighLeavesTheWindow() {
        // An episode reported before a restart: the high 10,000 at minute 0. After the restart the balance is 7,500
        // and falls on to 6,000: measured from the stored high (40% down), the same episode, not a new one.
        monitor.resume(ACCOUNT, minute(0), d("10000"));
        assertThat(monitor.draining(ACCOUNT)).isTrue();

        DrainReport later = null;
        for (long minute = 25; minute <= 40; minute++) {
            later = observe(minute, String.valueOf(7_500 - 100 * (minute - 25)));
            assertThat(later.alert()).isFalse();
        }
        assertThat(later.dropFraction()).isEqualByComparingTo("0.40");
        assertThat(later.peakMarginBalance()).isEqualByComparingTo("10000");

        // The fall stops; once the stored high has left the hour, the drop is measured from 7,500 and the balance
        // recovers to within 10% of it: the episode ends.
        observe(70, "7400");
        assertThat(monitor.draining(ACCOUNT)).isFalse();
    }
}
