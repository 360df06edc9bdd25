package org.marginsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.application.risk.RiskMonitor;

/**
 * Alert storm: 100,000 users, each with a 5x isolated long entered 1–10% under the market on one of 200
 * symbols, all safe; then every symbol falls 20% in one poll and every one of them is in WARNING, DANGER or
 * CRITICAL. Telegram's real limits are on in the bot, and the fake Bot API refuses anything over them with
 * 429. Delivery is watched for a bounded window (default 60 s, {@code -Dbench.storm.window=…} seconds) and the
 * rest extrapolated from the measured rate.
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=AlertStormBench} (see docs/BENCHMARKS.md).
 */
@QuarkusTest
@TestProfile(BenchProfiles.TelegramLimits.class)
class AlertStormBench {

    static final int USERS = Integer.getInteger("bench.storm.users", 100_000);
    static final int SYMBOLS = 200;
    static final int WINDOW_SECONDS = Integer.getInteger("bench.storm.window", 60);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    RiskMonitor monitor;

    @Inject
    DataSource dataSource;

    @Test
    void crashOfTwentyPercent() throws Exception {
        Random random = new Random(2);
        double[] market = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            market[s] = Math.round(Math.pow(10, random.nextDouble() * 4) * 100) / 100.0 + 1;
        }
        try (BenchData data = new BenchData(dataSource)) {
            for (int u = 0; u < USERS; u++) {
                long user = 7_000_000_000L + u;
                int s = u % SYMBOLS;
                data.account(user, new BigDecimal("10000"));
                BigDecimal entry = BigDecimal.valueOf(market[s] * (0.915 + 0.07 * random.nextDouble()))
                        .setScale(4, RoundingMode.HALF_EVEN);
                BigDecimal quantity = BigDecimal.valueOf(500 / entry.doubleValue()).setScale(6, RoundingMode.HALF_EVEN);
                data.isolated(user, BenchData.symbol("C", s), true, quantity, entry, 5);
            }
        }
        monitor.restartFromDatabase();
        Map<String, String> marks = new HashMap<>();
        for (int s = 0; s < SYMBOLS; s++) {
            marks.put(BenchData.symbol("C", s), BigDecimal.valueOf(market[s]).toPlainString());
        }
        serve(marks);
        feed.pollOnce();
        assertThat(telegram.calls("sendmessage")).as("nobody is in danger before the crash").isEmpty();

        for (int s = 0; s < SYMBOLS; s++) {
            marks.put(BenchData.symbol("C", s), BigDecimal.valueOf(market[s] * 0.8).setScale(4, RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        serve(marks);
        long crash = System.nanoTime();
        feed.pollOnce();
        double tickSeconds = (System.nanoTime() - crash) / 1e9;
        long firstSend = telegram.awaitCalls(c -> c.method().equals("sendmessage"), 1, Duration.ofSeconds(60))
                .get(0).nanoTime();
        long windowEnd = firstSend + Duration.ofSeconds(WINDOW_SECONDS).toNanos();
        Thread.sleep(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000));

        List<RecordedCall> calls = telegram.calls().stream()
                .filter(c -> c.isSendOrEdit() && c.nanoTime() <= windowEnd).toList();
        List<RecordedCall> delivered = calls.stream().filter(RecordedCall::succeeded).toList();
        long refused = calls.stream().filter(c -> c.status() == 429).count();
        int[] bySeverity = new int[4];
        int inversions = 0;
        int leastSevereSoFar = 0; // severity 0 is CRITICAL: the order must never go back to a lower number
        for (RecordedCall call : delivered) {
            int severity = severity(call.params().path("text").asText());
            if (severity == 3 && bySeverity[3] == 0) {
                System.out.println("[storm] first message that is no level warning: " + call);
            }
            bySeverity[severity]++;
            if (severity < leastSevereSoFar) {
                inversions++;
            }
            leastSevereSoFar = Math.max(leastSevereSoFar, severity);
        }
        System.out.println("[storm] order of the first 3,000 sends (C CRITICAL, D DANGER, W WARNING, run-length): "
                + runLengths(delivered.subList(0, Math.min(3_000, delivered.size()))));
        double windowSeconds = (delivered.get(delivered.size() - 1).nanoTime() - firstSend) / 1e9;
        double rate = (delivered.size() - 1) / windowSeconds;
        Map<Integer, Long> pendingByPriority = pendingByPriority();
        long queued = delivered.size() + pendingByPriority.values().stream().mapToLong(Long::longValue).sum();
        double perSecondMax = maxInAnySecond(delivered);

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "users in danger after the crash: %,d warnings queued (%,d sent in the"
                + " window + %,d pending: %s by priority)", queued, delivered.size(), queued - delivered.size(),
                pendingByPriority));
        lines.add(String.format(Locale.ROOT, "crash tick (screen, confirm %,d subjects exactly, store all warnings in"
                + " batches): %.1f s; first message at Telegram %.0f ms after the poll started", queued, tickSeconds,
                (firstSend - crash) / 1e6));
        lines.add(String.format(Locale.ROOT, "delivered in %.1f s: %,d messages = %.1f msg/s (most in any 1 s: %.0f);"
                + " 429s: %d", windowSeconds, delivered.size(), rate, perSecondMax, refused));
        lines.add(String.format(Locale.ROOT, "order: CRITICAL %,d, DANGER %,d, WARNING %,d, other %,d; messages more"
                + " severe than one sent before them (inversions): %d",
                bySeverity[0], bySeverity[1], bySeverity[2], bySeverity[3], inversions));
        lines.add(String.format(Locale.ROOT, "extrapolated: all %,d delivered %.0f min after the crash (%,d / %.1f msg/s"
                + " + the tick)", queued, (tickSeconds + queued / rate) / 60, queued, rate));
        lines.add("target >= 25 msg/s with zero 429s, most severe first: "
                + BenchReport.verdict(rate >= 25 && refused == 0 && inversions == 0));
        lines.add("plan of the sender's query: " + plan());
        BenchReport.print("Alert storm (AlertStormBench)", lines);
        assertThat(refused).as("429s").isZero();
    }

    private static String runLengths(List<RecordedCall> sends) {
        StringBuilder out = new StringBuilder();
        int run = 0;
        int current = -1;
        for (RecordedCall call : sends) {
            int severity = severity(call.params().path("text").asText());
            if (severity != current && run > 0) {
                out.append("CDWX".charAt(current)).append(run).append(' ');
                run = 0;
            }
            current = severity;
            run++;
        }
        if (run > 0) {
            out.append("CDWX".charAt(current)).append(run);
        }
        return out.toString();
    }

    /** 0 CRITICAL, 1 DANGER, 2 WARNING, 3 anything else. */
    private static int severity(String text) {
        return text.contains("CRITICAL") ? 0 : text.contains("DANGER") ? 1 : text.contains("WARNING") ? 2 : 3;
    }

    private static double maxInAnySecond(List<RecordedCall> calls) {
        int max = 0;
        int from = 0;
        for (int to = 0; to < calls.size(); to++) {
            while (calls.get(to).nanoTime() - calls.get(from).nanoTime() >= 1_000_000_000L) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    private Map<Integer, Long> pendingByPriority() throws Exception {
        Map<Integer, Long> pending = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select priority, count(*) from telegram_outbox"
                     + " where status = 'PENDING' group by priority")) {
            while (rows.next()) {
                pending.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return pending;
    }

    private String plan() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("explain select * from telegram_outbox where status = 'PENDING'"
                     + " order by status, priority, id fetch first 500 rows only")) {
            rows.next();
            String plan = rows.getString(1).replaceAll("\\s+", " ");
            return plan.substring(plan.indexOf("/*"));
        }
    }

    private void serve(Map<String, String> marks) {
        priceApi.servesBinanceMarks(marks);
        priceApi.servesBybitMarks(marks);
    }
}
