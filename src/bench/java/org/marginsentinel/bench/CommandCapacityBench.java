package org.marginsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;

/**
 * Command processing capacity: {@code USERS} users each send /start and one more command of the mix at once
 * (reads, the calculator, deposits and market orders that write the database), with the global send limit
 * raised ({@code sentinel.telegram.max-messages-per-second=100000}, chat interval 0) so that what is measured
 * is parsing, the engine and the database, through the real TelegramBots client and the fake Bot API. The rate
 * is updates / (last reply − first update pushed). A warm-up round runs first.
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=CommandCapacityBench} (see docs/BENCHMARKS.md).
 */
@QuarkusTest
@TestProfile(BenchProfiles.RaisedLimits.class)
class CommandCapacityBench {

    static final int USERS = Integer.getInteger("bench.capacity.users", 2_500);
    /**
     * Users of the warm-up round. With 500 (1,000 updates) the JIT compiler threads still used as much CPU during
     * the measured round as all the handlers together (JFR's jdk.ThreadCPULoad): the figure measured the compiler.
     */
    static final int WARM_UP_USERS = Integer.getInteger("bench.capacity.warmup", 2_500);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Test
    void updatesPerSecond() throws Exception {
        priceApi.servesBinanceMarks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2600"));
        feed.pollOnce();
        round(WARM_UP_USERS); // warm-up: JIT, connection pool, caches
        double rate = round(USERS);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "after a warm-up round of %,d users:", WARM_UP_USERS));
        lines.add(String.format(Locale.ROOT, "%,d users x 2 commands (/start + one of %s) at once", USERS, Commands.MIX));
        double processed = 2 * USERS / lastHandled;
        lines.add(String.format(Locale.ROOT, "%,d updates processed (claimed, handled, reply queued, committed) in"
                + " %.2f s = %.0f updates/s", 2 * USERS, lastHandled, processed));
        lines.add(String.format(Locale.ROOT, "%,d replies delivered to the fake Bot API in %.2f s = %.0f updates/s"
                + " end to end", 2 * USERS, lastRound, rate));
        double cpuPerUpdate = lastCpuMillis / (2.0 * USERS);
        lines.add(String.format(Locale.ROOT, "CPU of the whole JVM (bot, fake Bot API, harness) until processed: %.0f ms"
                + " = %.3f ms per update, i.e. at most %.0f updates/s on %d cores if they were ours alone", lastCpuMillis,
                cpuPerUpdate, CORES * 1000 / cpuPerUpdate, CORES));
        lines.add("target >= 1,000 updates/s processed: " + BenchReport.verdict(processed >= 1000));
        BenchReport.print("Command capacity, send limit raised (CommandCapacityBench)", lines);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private double lastRound;
    private double lastHandled;
    private double lastCpuMillis;

    @Inject
    DataSource dataSource;

    /** Pushes the round's updates, then watches (every 100 ms) the handled-update rows and the replies. */
    private double round(int users) throws Exception {
        long[] ids = new long[users];
        int repliesBefore = telegram.calls("sendmessage").size();
        long handledBefore = handledUpdates();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            ids[u] = telegram.newUser();
            telegram.userSays(ids[u], "/start");
            telegram.userSays(ids[u], Commands.of(u));
        }
        long handledAt = 0;
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (handledAt == 0 && handledUpdates() - handledBefore >= 2L * users) {
                handledAt = System.nanoTime();
                lastCpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
            }
            if (handledAt != 0 && telegram.calls("sendmessage").size() - repliesBefore >= 2 * users) {
                break;
            }
        }
        long last = telegram.calls("sendmessage").stream().mapToLong(RecordedCall::nanoTime).max().orElseThrow();
        lastRound = (last - start) / 1e9;
        lastHandled = (handledAt - start) / 1e9;
        for (long id : ids) {
            assertThat(telegram.sentTo(id)).as("replies to user %d", id).hasSize(2);
        }
        return 2 * users / lastRound;
    }

    /**
     * CPU time of this JVM so far: on a machine shared with other work the rate above falls with the load, while the
     * CPU spent per update shows what the processing itself costs (the watching every 100 ms is included).
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private long handledUpdates() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from telegram_handled_update")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
