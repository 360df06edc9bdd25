package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.port.MarkPrice;

/**
 * A crash's liquidations are written set by set (one transaction per batch: accounts locked and positions read in
 * one query each, rows written as JDBC batches) and the books rebuilt from what was written. On the real database:
 * a batch interrupted before its commit leaves nothing behind, and after a restart every position is liquidated
 * exactly once (one ledger row, one notice, the margin taken from the wallet once), however often it is tried again.
 */
@QuarkusTest
class LiquidationBatchCrashTest {

    private static final String SYMBOL = "XBATCHUSDT";
    private static final long FIRST_USER = 7_700_000_001L;
    private static final long FIRST_POSITION = 77_000_001L;
    private static final int USERS = 3;
    /** 0.1 at 1,000, 20x: 5 USDT of margin, liquidated about 4.6% down. */
    private static final BigDecimal MARGIN = new BigDecimal("5");

    @Inject
    RiskMonitor monitor;

    @Inject
    Liquidations liquidations;

    @Inject
    DataSource dataSource;

    @Test
    void aBatchKilledBeforeItsCommitLeavesNothing_andAfterTheRestartEachPositionIsLiquidatedExactlyOnce()
            throws SQLException {
        openTwoLongsEach();
        monitor.restartFromDatabase();
        List<Liquidations.DueIsolated> due = new ArrayList<>();
        for (int i = 0; i < USERS * 2; i++) {
            due.add(new Liquidations.DueIsolated(FIRST_USER + i / 2, FIRST_POSITION + i, new BigDecimal("930")));
        }

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(liquidations.liquidateIsolated(due).notices()).hasSize(6); // every row written, not committed
            throw new IllegalStateException("killed before the commit");
        })).hasMessageContaining("killed");

        assertThat(count("select count(*) from paper_position where user_id between ? and ? and status = 'OPEN'")).isEqualTo(6);
        assertThat(count("select count(*) from account_ledger where user_id between ? and ?")).isZero();
        assertThat(count("select count(*) from telegram_outbox where chat_id between ? and ?")).isZero();
        assertThat(count("select count(*) from account where user_id between ? and ? and wallet_balance = 10000")).isEqualTo(3);

        monitor.restartFromDatabase();
        assertThat(monitor.tick(crashMarks(), Instant.now()).liquidations()).isEqualTo(6);
        assertThat(monitor.index().book(FIRST_USER)).as("the book follows what the batch wrote").isNull();

        monitor.restartFromDatabase();
        assertThat(monitor.tick(crashMarks(), Instant.now()).liquidations()).isZero();
        assertThat(liquidations.liquidateIsolated(due).notices()).as("a retried batch").isEmpty();

        assertThat(count("select count(*) from paper_position where user_id between ? and ? and status = 'LIQUIDATED'")).isEqualTo(6);
        assertThat(count("select count(*) from account_ledger where user_id between ? and ? and kind = 'LIQUIDATION'")).isEqualTo(6);
        assertThat(count("select count(*) from telegram_outbox where chat_id between ? and ? and status = 'PENDING'"))
                .as("one liquidation notice per position").isEqualTo(6);
        BigDecimal left = new BigDecimal("10000").subtract(MARGIN.multiply(BigDecimal.valueOf(2)));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement wallets = connection.prepareStatement(
                     "select wallet_balance from account where user_id between ? and ?")) {
            wallets.setLong(1, FIRST_USER);
            wallets.setLong(2, FIRST_USER + USERS - 1);
            try (ResultSet rows = wallets.executeQuery()) {
                for (int i = 0; i < USERS; i++) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBigDecimal(1)).isEqualByComparingTo(left);
                }
            }
        }
    }

    private static Map<String, MarkPrice> crashMarks() {
        return Map.of(SYMBOL, new MarkPrice(SYMBOL, new BigDecimal("930"), Instant.now(), "test"));
    }

    private void openTwoLongsEach() throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement account = connection.prepareStatement("insert into account (user_id, display_name,"
                     + " wallet_balance, next_position_number, created_at, version) values (?, ?, 10000, 3, ?, 0)");
             PreparedStatement position = connection.prepareStatement("insert into paper_position (id, user_id,"
                     + " number, symbol, side, margin_mode, quantity, entry_price, leverage, isolated_margin, status,"
                     + " realized_pnl, opened_at, version) values (?, ?, ?, ?, 'LONG', 'ISOLATED', 0.1, 1000, 20, ?,"
                     + " 'OPEN', 0, ?, 0)")) {
            for (int u = 0; u < USERS; u++) {
                account.setLong(1, FIRST_USER + u);
                account.setString(2, "Batch " + u);
                account.setTimestamp(3, now);
                account.executeUpdate();
                for (int p = 0; p < 2; p++) {
                    position.setLong(1, FIRST_POSITION + u * 2L + p);
                    position.setLong(2, FIRST_USER + u);
                    position.setInt(3, p + 1);
                    position.setString(4, SYMBOL);
                    position.setBigDecimal(5, MARGIN);
                    position.setTimestamp(6, now);
                    position.executeUpdate();
                }
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, FIRST_USER);
            statement.setLong(2, FIRST_USER + USERS - 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
