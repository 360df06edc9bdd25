package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * Issue 12's crash replay: 10,000 users with seeded random books (isolated and cross, 3–50x, mostly longs, 8
 * symbols), ten quiet minutes, then a crash of −15% over 10 minutes (each symbol by its beta) with a −5% wick at
 * minute 6, then five minutes at the bottom. Marks every second through the real {@link RiskMonitor} (screen, alert
 * policy, liquidations, in-memory stores), the notices through {@link SimulatedTelegram} (outbox order and Telegram's
 * limits on a simulated clock). For every liquidated subject: was a warning about it delivered before it was
 * liquidated, and how long before. Run on the same book for each order of {@code -Dbench.replay.orders} (default
 * {@code FIRST_WARNINGS_FIRST,NEAREST_FIRST}: shipped, and without the first-warning band; {@code LEVEL_ONLY} is the
 * order before issue 12, {@code LIQUIDATIONS_LAST} tries liquidation notices after every warning).
 *
 * <p>Not run by {@code ./mvnw verify} (not a *Test). Run: {@code ./mvnw test -Dtest=CrashReplayBench
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.replay.users=…}).
 */
class CrashReplayBench {

    static final int USERS = Integer.getInteger("bench.replay.users", 10_000);
    static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT",
            "LINKUSDT"};
    static final double[] PRICES = {95_000, 3_500, 200, 600, 2.5, 0.4, 1.0, 20};
    static final double[] BETAS = {1.0, 1.2, 1.4, 0.9, 1.3, 1.5, 1.4, 1.3};
    static final double[] DAILY_VOLATILITY = {0.03, 0.04, 0.055, 0.035, 0.05, 0.06, 0.055, 0.05};
    static final int[] LEVERAGES = {3, 5, 5, 10, 10, 10, 20, 20, 25, 50};
    static final int QUIET_SECONDS = 600;
    static final int CRASH_SECONDS = 600;
    static final int AFTER_SECONDS = 300;

    @Test
    void crashOfFifteenPercentWithAWick() {
        List<String> lines = new ArrayList<>();
        for (String name : System.getProperty("bench.replay.orders", "FIRST_WARNINGS_FIRST,NEAREST_FIRST").split(",")) {
            SimulatedTelegram.Order order = SimulatedTelegram.Order.valueOf(name.trim());
            long started = System.nanoTime();
            Outcome outcome = replay(order);
            lines.add(order + ": " + outcome
                    + String.format(Locale.ROOT, " [replayed in %.0f s]", (System.nanoTime() - started) / 1e9));
            assertThat(outcome.liquidatedUsers).as("the crash liquidates someone").isPositive();
        }
        org.marginsentinel.bench.BenchReport.print("Crash replay: " + USERS + " users, −15% over 10 min with a −5% wick,"
                + " Telegram's limits on a simulated clock", lines);
    }

    /** The crash's move of BTC at second {@code t} after it began (a fraction, negative). */
    static double btcMove(int t) {
        if (t <= 0) {
            return 0;
        }
        double trend = -0.15 * Math.min(t, CRASH_SECONDS) / CRASH_SECONDS;
        double wick = t < 360 ? 0 : t < 370 ? -0.05 * (t - 360) / 10.0 : t < 420 ? -0.05 * (420 - t) / 50.0 : 0;
        return trend + wick;
    }

    private Outcome replay(SimulatedTelegram.Order order) {
        WatchRig rig = new WatchRig();
        Map<String, Long> firstWarned = new HashMap<>();
        Map<String, Long> liquidatedAt = new HashMap<>();
        Map<String, Long> firstQueued = new HashMap<>();
        long[] busiestTick = new long[2]; // {liquidations, nanoseconds}
        SimulatedTelegram telegram = new SimulatedTelegram(order, (notice, at) -> {
            String subject = warnedSubject(notice);
            if (subject != null) {
                firstWarned.putIfAbsent(subject, at);
            }
        });
        setUpBooks(rig);
        long crashStart = QUIET_SECONDS * 1000L;
        for (int second = 0; second < QUIET_SECONDS + CRASH_SECONDS + AFTER_SECONDS; second++) {
            rig.desk.clock.advance(Duration.ofSeconds(1));
            double move = btcMove(second - QUIET_SECONDS);
            String[] marks = new String[SYMBOLS.length * 2];
            for (int s = 0; s < SYMBOLS.length; s++) {
                marks[2 * s] = SYMBOLS[s];
                marks[2 * s + 1] = price(PRICES[s] * (1 + BETAS[s] * move));
            }
            rig.desk.notifier.clear();
            long tickStarted = System.nanoTime();
            TickReport report = rig.tick(marks);
            if (report.liquidations() > busiestTick[0]) {
                busiestTick[0] = report.liquidations();
                busiestTick[1] = System.nanoTime() - tickStarted;
            }
            long tickAt = second * 1000L;
            for (Notice notice : rig.desk.notifier.notices()) {
                String warned = warnedSubject(notice);
                if (warned != null) {
                    firstQueued.putIfAbsent(warned, tickAt);
                }
                if (notice instanceof Notice.IsolatedLiquidated l) {
                    liquidatedAt.putIfAbsent(l.userId() + "#" + l.positionNumber(), tickAt);
                } else if (notice instanceof Notice.CrossLiquidated c) {
                    liquidatedAt.putIfAbsent(c.userId() + "#pool", tickAt);
                }
                telegram.enqueue(notice);
            }
            telegram.runUntil(tickAt + 1000);
        }
        return Outcome.of(liquidatedAt, firstWarned, firstQueued, crashStart, telegram, busiestTick);
    }

    /** The subject a warning is about (user#number or user#pool); null for liquidations and feed news. */
    private static String warnedSubject(Notice notice) {
        if (notice instanceof Notice.PositionWarning w) {
            return w.userId() + "#" + w.positionNumber();
        }
        if (notice instanceof Notice.PoolWarning || notice instanceof Notice.DrainWarning) {
            return notice.userId() + "#pool";
        }
        return null;
    }

    /** Books as traders hold them: 60% isolated only, 25% cross only, 15% both; 80% longs; 1–4 positions. */
    private static void setUpBooks(WatchRig rig) {
        Random random = new Random(12);
        for (int s = 0; s < SYMBOLS.length; s++) {
            rig.desk.marks.set(SYMBOLS[s], price(PRICES[s]));
            rig.desk.volatilities.set(SYMBOLS[s], new DailyVolatility(DAILY_VOLATILITY[s], 288, Duration.ofMinutes(5)));
        }
        for (int u = 0; u < USERS; u++) {
            long user = 1_000_000L + u;
            rig.desk.trading.start(user, "Trader " + u);
            double kind = random.nextDouble();
            int positions = 1 + random.nextInt(4);
            for (int p = 0; p < positions; p++) {
                boolean cross = kind < 0.60 ? false : kind < 0.85 ? true : p % 2 == 1;
                int s = random.nextInt(SYMBOLS.length);
                int leverage = LEVERAGES[random.nextInt(LEVERAGES.length)];
                double margin = 200 + random.nextDouble() * 1_300; // of the 10,000 USDT paper wallet
                double quantity = margin * leverage / PRICES[s];
                Side side = random.nextDouble() < 0.8 ? Side.LONG : Side.SHORT;
                try {
                    rig.desk.trading.open(user, new OpenOrder(SYMBOLS[s], side,
                            BigDecimal.valueOf(quantity).round(new java.math.MathContext(4)), null, leverage,
                            cross ? MarginMode.CROSS : MarginMode.ISOLATED, null));
                } catch (CommandRejected e) {
                    // e.g. an isolated order on a symbol already held in cross: the trader keeps the rest
                }
            }
            rig.commit();
        }
    }

    private static String price(double value) {
        return BigDecimal.valueOf(value).round(new java.math.MathContext(6)).setScale(8, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    /** What one replay measured. */
    record Outcome(int liquidatedSubjects, long liquidatedUsers, long usersWarnedFirst, long subjectsWarnedFirst,
                   double medianLeadSeconds, double medianLeadCrashOnlySeconds, long warnedDuringCrash, long calls,
                   int pendingAtEnd, long queuedTooLate, long neverQueued, long busiestTickLiquidations,
                   double busiestTickMillis) {

        static Outcome of(Map<String, Long> liquidatedAt, Map<String, Long> firstWarned, Map<String, Long> firstQueued,
                          long crashStart, SimulatedTelegram telegram, long[] busiestTick) {
            long queuedTooLate = 0; // a warning was queued before the liquidation but not delivered before it
            long neverQueued = 0; // no warning about the subject was ever queued before its liquidation

            Map<String, Boolean> userWarnedFirst = new HashMap<>();
            List<Double> leads = new ArrayList<>();
            List<Double> crashLeads = new ArrayList<>();
            long subjectsWarnedFirst = 0;
            for (Map.Entry<String, Long> liquidation : liquidatedAt.entrySet()) {
                Long warned = firstWarned.get(liquidation.getKey());
                boolean first = warned != null && warned < liquidation.getValue();
                String user = liquidation.getKey().substring(0, liquidation.getKey().indexOf('#'));
                userWarnedFirst.merge(user, first, Boolean::logicalAnd);
                Long queued = firstQueued.get(liquidation.getKey());
                if (!first && queued != null && queued < liquidation.getValue()) {
                    queuedTooLate++;
                } else if (!first) {
                    neverQueued++;
                }
                if (first) {
                    subjectsWarnedFirst++;
                    leads.add((liquidation.getValue() - warned) / 1000.0);
                    if (warned >= crashStart) {
                        crashLeads.add((liquidation.getValue() - warned) / 1000.0);
                    }
                }
            }
            return new Outcome(liquidatedAt.size(), userWarnedFirst.size(),
                    userWarnedFirst.values().stream().filter(b -> b).count(), subjectsWarnedFirst, median(leads),
                    median(crashLeads), crashLeads.size(), telegram.calls(), telegram.pending(), queuedTooLate,
                    neverQueued, busiestTick[0], busiestTick[1] / 1e6);
        }

        private static double median(List<Double> values) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d users liquidated (%d subjects); warned before their liquidation: "
                            + "%d users (%.1f%%), %d subjects (%.1f%%); median lead %.0f s (%.0f s over the %d subjects"
                            + " first warned during the crash); not warned first: %d queued but still waiting at the"
                            + " liquidation, %d with no warning queued before it (e.g. from SAFE to liquidated within"
                            + " one tick); %d Telegram calls, %d notices still queued at the end; busiest tick: %d"
                            + " liquidations in %.0f ms (in memory)",
                    liquidatedUsers, liquidatedSubjects, usersWarnedFirst, 100.0 * usersWarnedFirst / liquidatedUsers,
                    subjectsWarnedFirst, 100.0 * subjectsWarnedFirst / liquidatedSubjects, medianLeadSeconds,
                    medianLeadCrashOnlySeconds, warnedDuringCrash, queuedTooLate, neverQueued, calls, pendingAtEnd,
                    busiestTickLiquidations, busiestTickMillis);
        }
    }
}
