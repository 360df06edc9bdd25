package org.marginsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.application.risk.TickReport;

/**
 * Issue 12: 10,000 isolated positions cross their liquidation prices in one tick; all of them must be liquidated and
 * their notices queued within 5 s. The real path: {@link RiskMonitor#tick} in the application, the liquidations'
 * transactions on an H2 <em>file</em> database (production's settings), the notices queued in the outbox table, each
 * liquidated book rebuilt from the database as after any commit. Not included: fetching the marks (the tick is called
 * with them) and sending the notices to Telegram (no bot token: they wait in the outbox).
 *
 * <p>5,000 users with two 20x isolated longs each (on 2 of 100 symbols, entered at the market), then every mark 7%
 * down. Not run by {@code ./mvnw verify} (not a *Test). Run: {@code ./mvnw test -Dtest=CrashLiquidationBench
 * -Dquarkus.http.test-port=0} ({@code -Dbench.liquidations.users=…} to change the size, {@code -Dbench.jfr=tick.jfr}
 * for a JFR profile of the crash tick).
 */
@QuarkusTest
@TestProfile(CrashLiquidationBench.FileDatabase.class)
class CrashLiquidationBench {

    static final int USERS = Integer.getInteger("bench.liquidations.users", 5_000);
    static final int SYMBOLS = 100;

    /** A fresh H2 file database under target/bench-db, as in production. */
    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:./target/bench-db/liquidations-"
                    + System.currentTimeMillis() + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
        }
    }

    @Inject
    RiskMonitor monitor;

    @Inject
    DataSource dataSource;

    @Test
    void tenThousandPositionsPastTheirLiquidationInOneTick() throws Exception {
        Random random = new Random(12);
        double[] market = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            market[s] = Math.round(Math.pow(10, random.nextDouble() * 4) * 100) / 100.0 + 1;
        }
        try (BenchData data = new BenchData(dataSource)) {
            for (int u = 0; u < USERS; u++) {
                long user = 8_000_000_000L + u;
                data.account(user, new BigDecimal("10000"));
                for (int p = 0; p < 2; p++) {
                    int s = (u + p * 37) % SYMBOLS;
                    BigDecimal entry = BigDecimal.valueOf(market[s]).setScale(4, RoundingMode.HALF_EVEN);
                    BigDecimal quantity = BigDecimal.valueOf(400 / entry.doubleValue()).setScale(6, RoundingMode.HALF_EVEN);
                    data.isolated(user, BenchData.symbol("L", s), true, quantity, entry, 20);
                }
            }
        }
        monitor.restartFromDatabase();
        int positions = monitor.watchedPositions();
        Instant now = Instant.now();
        monitor.tick(marks(market, 1.0, now), now); // settled at the market: nothing due
        long lastRowBefore = lastOutboxRow(); // the settling tick warned every position (20x is born 4.6% away)

        Instant crash = now.plusSeconds(1);
        Recording recording = startRecordingIfAsked();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        TickReport report = monitor.tick(marks(market, 0.93, crash), crash);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(System.getProperty("bench.jfr")));
        }
        long queued = pendingRowsAfter(lastRowBefore);

        BenchReport.print("Crash liquidations: " + positions + " positions past liquidation in one tick", List.of(
                "liquidated in the tick: " + report.liquidations() + " of " + positions
                        + " (left open: " + monitor.watchedPositions() + ")",
                "notices queued in the outbox: " + queued,
                String.format(java.util.Locale.ROOT, "tick (screen, liquidations, commits, rebuilt books): %.2f s", seconds),
                String.format(java.util.Locale.ROOT, "CPU time of the tick's thread (the database is embedded: its"
                        + " work included): %.2f s", cpuSeconds),
                "target: all liquidated and queued within 5 s: " + BenchReport.verdict(
                        report.liquidations() == positions && queued >= positions && seconds <= 5)));
        assertThat(report.liquidations()).isEqualTo(positions);
        assertThat(monitor.watchedPositions()).isZero();
    }

    /** {@code -Dbench.jfr=file.jfr}: a JFR profile of the crash tick. */
    private static Recording startRecordingIfAsked() throws Exception {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static Map<String, MarkPrice> marks(double[] market, double factor, Instant at) {
        Map<String, MarkPrice> marks = new HashMap<>();
        for (int s = 0; s < market.length; s++) {
            String symbol = BenchData.symbol("L", s);
            marks.put(symbol, new MarkPrice(symbol, BigDecimal.valueOf(market[s] * factor)
                    .setScale(4, RoundingMode.HALF_EVEN), at, "bench"));
        }
        return marks;
    }

    private long lastOutboxRow() throws SQLException {
        return count("select coalesce(max(id), 0) from telegram_outbox");
    }

    /** Rows queued by the crash tick and waiting (the warnings of the settling tick it withdrew are DROPPED). */
    private long pendingRowsAfter(long lastRowBefore) throws SQLException {
        return count("select count(*) from telegram_outbox where status = 'PENDING' and id > " + lastRowBefore);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
