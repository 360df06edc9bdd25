package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.application.port.FundingLedger;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.domain.margin.Decimals;

/** The {@code funding_schedule} and {@code funding_payment} tables (V80) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JdbcFundingLedger implements FundingLedger {

    @Inject
    EntityManager em;

    @Override
    public void announce(String symbol, Instant fundingTime, BigDecimal rate) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE funding_schedule SET rate = ? WHERE symbol = ? AND funding_time = ? AND settled = FALSE")) {
                update.setBigDecimal(1, Decimals.storage(rate));
                update.setString(2, symbol);
                update.setObject(3, time(fundingTime));
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO funding_schedule (symbol, "
                    + "funding_time, rate, settled) SELECT ?, ?, ?, FALSE FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
                    + "(SELECT 1 FROM funding_schedule WHERE symbol = ? AND funding_time = ?)")) {
                insert.setString(1, symbol);
                insert.setObject(2, time(fundingTime));
                insert.setBigDecimal(3, Decimals.storage(rate));
                insert.setString(4, symbol);
                insert.setObject(5, time(fundingTime));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<FundingDue> due(Instant now) {
        return work(connection -> {
            List<FundingDue> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT symbol, funding_time, rate FROM "
                    + "funding_schedule WHERE settled = FALSE AND funding_time <= ? ORDER BY funding_time, symbol")) {
                select.setObject(1, time(now));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new FundingDue(rows.getString(1), instant(rows, 2), rows.getBigDecimal(3)));
                    }
                }
            }
            return due;
        });
    }

    @Override
    public void settled(String symbol, Instant fundingTime) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE funding_schedule SET settled = TRUE WHERE symbol = ? AND funding_time = ?")) {
                update.setString(1, symbol);
                update.setObject(2, time(fundingTime));
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Long> holders(String symbol, Instant openedBy) {
        return work(connection -> {
            List<Long> users = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT user_id FROM paper_position "
                    + "WHERE status = ? AND symbol = ? AND opened_at <= ? ORDER BY user_id")) {
                select.setString(1, PositionStatus.OPEN.name());
                select.setString(2, symbol);
                select.setObject(3, time(openedBy));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        users.add(rows.getLong(1));
                    }
                }
            }
            return users;
        });
    }

    @Override
    public boolean paid(long positionId, Instant fundingTime) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM funding_payment WHERE position_id = ? AND funding_time = ?")) {
                select.setLong(1, positionId);
                select.setObject(2, time(fundingTime));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public void recordPayment(long userId, long positionId, String symbol, Instant fundingTime, BigDecimal rate,
                              BigDecimal mark, BigDecimal received) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO funding_payment (position_id, "
                    + "funding_time, user_id, symbol, rate, mark_price, received) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, positionId);
                insert.setObject(2, time(fundingTime));
                insert.setLong(3, userId);
                insert.setString(4, symbol);
                insert.setBigDecimal(5, Decimals.storage(rate));
                insert.setBigDecimal(6, Decimals.storage(mark));
                insert.setBigDecimal(7, Decimals.storage(received));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<Long, BigDecimal> receivedByPosition(long userId) {
        return work(connection -> {
            Map<Long, BigDecimal> received = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT position_id, SUM(received) FROM "
                    + "funding_payment WHERE user_id = ? GROUP BY position_id")) {
                select.setLong(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        received.put(rows.getLong(1), rows.getBigDecimal(2));
                    }
                }
            }
            return received;
        });
    }

    private <T> T work(ReturningWork<T> work) {
        em.flush(); // rows written through entities earlier in the transaction must be visible to plain SQL
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
