package org.marginsentinel.adapter.persistence;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/**
 * The start-up bulk read of every open position with its account, in one plain JDBC query streamed in user
 * order: no entities, no persistence context, no HQL. Loading the risk index of 100,000 positions through
 * entities cost seconds; rows read into records cost a fraction of that.
 */
final class OpenBooksQuery {

    private static final int FETCH_SIZE = 5_000;
    private static final String SQL = """
            SELECT a.user_id, a.display_name, a.wallet_balance, a.created_at,
                   p.id, p.number, p.symbol, p.side, p.margin_mode, p.quantity, p.entry_price, p.leverage,
                   p.isolated_margin, p.opened_at
              FROM paper_position p JOIN account a ON a.user_id = p.user_id
             WHERE p.status = ?
             ORDER BY p.user_id, p.number""";

    private OpenBooksQuery() {
    }

    /** Hands every account with open positions to {@code books}; joins the caller's transaction. */
    static void stream(EntityManager em, Consumer<OpenBook> books) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(SQL)) {
                query.setFetchSize(FETCH_SIZE); // PostgreSQL streams only with a fetch size (in a transaction)
                query.setString(1, PositionStatus.OPEN.name());
                try (ResultSet rows = query.executeQuery()) {
                    read(rows, books);
                }
            }
        });
    }

    private static void read(ResultSet rows, Consumer<OpenBook> books) throws SQLException {
        PaperAccount account = null;
        List<StoredPosition> positions = new ArrayList<>();
        while (rows.next()) {
            long userId = rows.getLong(1);
            if (account == null || account.userId() != userId) {
                if (account != null) {
                    books.accept(new OpenBook(account, positions));
                    positions = new ArrayList<>();
                }
                account = new PaperAccount(userId, rows.getString(2), rows.getBigDecimal(3), instant(rows, 4));
            }
            long id = rows.getLong(5);
            Position position = new Position(String.valueOf(id), rows.getString(7), Side.valueOf(rows.getString(8)),
                    rows.getBigDecimal(10), rows.getBigDecimal(11), rows.getInt(12),
                    MarginMode.valueOf(rows.getString(9)), rows.getBigDecimal(13));
            positions.add(new StoredPosition(id, userId, rows.getInt(6), position, instant(rows, 14)));
        }
        if (account != null) {
            books.accept(new OpenBook(account, positions));
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
