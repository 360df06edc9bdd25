package org.marginsentinel.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V175 backfills the trade history of positions that existed before it, and only what is exact: a closed row's
 * last fill from its stored PnL; a liquidation's exit stays unknown. Plain Flyway on a private in-memory H2.
 */
class TradeHistoryBackfillTest {

    private static final String URL = "jdbc:h2:mem:backfill-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Test
    void v175_backfillsTheLastFillOfClosedRows_andLeavesLiquidatedExitsUnknown() throws SQLException {
        migrate("90");
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into account values (7, 'T', 10000, 5, current_timestamp, 0)");
            // long 0.1 from 100,000 closed with +150: exit 101,500; short 2 from 3,000 closed with +100: exit 2,950
            sql.execute(position(1, "LONG", "0.1", "100000", "CLOSED", "150"));
            sql.execute(position(2, "SHORT", "2", "3000", "CLOSED", "100"));
            sql.execute(position(3, "LONG", "0.1", "100000", "LIQUIDATED", "-1000"));
            sql.execute(position(4, "LONG", "0.1", "100000", "OPEN", "0"));
        }

        migrate(null);

        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select number, closed_quantity, exit_value, closed_by, "
                     + "history_backfilled from paper_position order by number")) {
            rows.next();
            assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("0.1");
            assertThat(rows.getBigDecimal(3).divide(new BigDecimal("0.1"))).isEqualByComparingTo("101500");
            assertThat(rows.getString(4)).isEqualTo("CLOSE");
            assertThat(rows.getBoolean(5)).isTrue();
            rows.next();
            assertThat(rows.getBigDecimal(3).divide(new BigDecimal("2"))).isEqualByComparingTo("2950");
            rows.next();
            assertThat(rows.getBigDecimal(3)).as("a liquidation's stored PnL is the margin lost, not the mark")
                    .isNull();
            assertThat(rows.getString(4)).isEqualTo("LIQUIDATION");
            rows.next();
            assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("0");
            assertThat(rows.getBigDecimal(3)).isEqualByComparingTo("0");
            assertThat(rows.getString(4)).isNull();
        }
    }

    private static String position(int number, String side, String quantity, String entry, String status,
                                   String pnl) {
        return "insert into paper_position values (" + number + ", 7, " + number + ", 'BTCUSDT', '" + side
                + "', 'ISOLATED', " + quantity + ", " + entry + ", 10, 1000, '" + status + "', " + pnl
                + ", current_timestamp, " + (status.equals("OPEN") ? "null" : "current_timestamp") + ", 0)";
    }

    private static void migrate(String target) {
        var config = Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration");
        (target == null ? config : config.target(target)).load().migrate();
    }
}
