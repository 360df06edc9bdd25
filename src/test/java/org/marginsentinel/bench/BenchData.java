package org.marginsentinel.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes accounts and open positions straight into the database with JDBC batches (a hundred thousand
 * positions through the bot's commands would take minutes of set-up); the monitor then loads them as at a
 * start. Ids start high so they never meet the ones the application draws from its sequences.
 */
final class BenchData implements AutoCloseable {

    static final long FIRST_POSITION_ID = 50_000_000L;

    private final Connection connection;
    private final PreparedStatement account;
    private final PreparedStatement position;
    private final Timestamp now = Timestamp.from(Instant.now());
    private final Map<Long, Integer> numbers = new HashMap<>();
    private long nextPositionId = FIRST_POSITION_ID;
    private int pending;

    BenchData(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        account = connection.prepareStatement("insert into account (user_id, display_name, wallet_balance,"
                + " next_position_number, created_at, version) values (?, ?, ?, 1, ?, 0)");
        position = connection.prepareStatement("insert into paper_position (id, user_id, number, symbol, side,"
                + " margin_mode, quantity, entry_price, leverage, isolated_margin, status, realized_pnl, opened_at,"
                + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, 0)");
    }

    /** Symbol names of letters only, like the exchanges': XAAUSDT, XABUSDT, … */
    static String symbol(String prefix, int i) {
        return prefix + (char) ('A' + i / 26 / 26 % 26) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26) + "USDT";
    }

    void account(long userId, BigDecimal wallet) throws SQLException {
        account.setLong(1, userId);
        account.setString(2, "Bench " + userId);
        account.setBigDecimal(3, wallet);
        account.setTimestamp(4, now);
        account.addBatch();
        flushIfFull();
    }

    void isolated(long userId, String symbol, boolean isLong, BigDecimal quantity, BigDecimal entry, int leverage)
            throws SQLException {
        BigDecimal margin = quantity.multiply(entry).divide(BigDecimal.valueOf(leverage), 18, RoundingMode.HALF_EVEN);
        add(userId, symbol, isLong, "ISOLATED", quantity, entry, leverage, margin);
    }

    void cross(long userId, String symbol, boolean isLong, BigDecimal quantity, BigDecimal entry, int leverage)
            throws SQLException {
        add(userId, symbol, isLong, "CROSS", quantity, entry, leverage, null);
    }

    private void add(long userId, String symbol, boolean isLong, String mode, BigDecimal quantity, BigDecimal entry,
                     int leverage, BigDecimal margin) throws SQLException {
        int number = numbers.merge(userId, 1, Integer::sum);
        position.setLong(1, nextPositionId++);
        position.setLong(2, userId);
        position.setInt(3, number);
        position.setString(4, symbol);
        position.setString(5, isLong ? "LONG" : "SHORT");
        position.setString(6, mode);
        position.setBigDecimal(7, quantity);
        position.setBigDecimal(8, entry);
        position.setInt(9, leverage);
        position.setBigDecimal(10, margin);
        position.setTimestamp(11, now);
        position.addBatch();
        flushIfFull();
    }

    private void flushIfFull() throws SQLException {
        if (++pending >= 2_000) {
            flush();
        }
    }

    private void flush() throws SQLException {
        account.executeBatch();
        position.executeBatch();
        connection.commit();
        pending = 0;
    }

    /** Commits; next_position_number of each account follows its positions. */
    @Override
    public void close() throws SQLException {
        flush();
        try (PreparedStatement next = connection.prepareStatement(
                "update account set next_position_number = ? where user_id = ?")) {
            for (Map.Entry<Long, Integer> entry : numbers.entrySet()) {
                next.setInt(1, entry.getValue() + 1);
                next.setLong(2, entry.getKey());
                next.addBatch();
            }
            next.executeBatch();
        }
        connection.commit();
        connection.close();
    }
}
