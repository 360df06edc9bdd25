package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.marginsentinel.application.port.ChartHistoryStore;

/**
 * The chart samples in plain JDBC batches (thousands of rows a minute at scale; entities would only add
 * overhead): {@code mark_sample} and {@code pool_sample}, see {@code V21__chart_history.sql}.
 */
@ApplicationScoped
public class JdbcChartHistoryStore implements ChartHistoryStore {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(List<MarkSample> marks, List<PoolSample> pools) {
        em.unwrap(Session.class).doWork(connection -> {
            Set<Instant> markMinutes = new TreeSet<>();
            marks.forEach(m -> markMinutes.add(m.at()));
            Set<Instant> poolMinutes = new TreeSet<>();
            pools.forEach(p -> poolMinutes.add(p.at()));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mark_sample WHERE sampled_at = ?")) {
                for (Instant at : markMinutes) {
                    delete.setTimestamp(1, Timestamp.from(at));
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pool_sample WHERE sampled_at = ?")) {
                for (Instant at : poolMinutes) {
                    delete.setTimestamp(1, Timestamp.from(at));
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mark_sample (symbol, sampled_at, mark_price) VALUES (?, ?, ?)")) {
                int pending = 0;
                for (MarkSample mark : marks) {
                    insert.setString(1, mark.symbol());
                    insert.setTimestamp(2, Timestamp.from(mark.at()));
                    insert.setBigDecimal(3, mark.markPrice());
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pool_sample "
                    + "(user_id, sampled_at, margin_balance, maintenance_margin) VALUES (?, ?, ?, ?)")) {
                int pending = 0;
                for (PoolSample pool : pools) {
                    insert.setLong(1, pool.userId());
                    insert.setTimestamp(2, Timestamp.from(pool.at()));
                    insert.setBigDecimal(3, pool.marginBalance());
                    insert.setBigDecimal(4, pool.maintenanceMargin());
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<MarkSample> marks(String symbol, Instant from) {
        List<MarkSample> samples = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT sampled_at, mark_price FROM mark_sample"
                    + " WHERE symbol = ? AND sampled_at >= ? ORDER BY sampled_at")) {
                query.setString(1, symbol);
                query.setTimestamp(2, Timestamp.from(from));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        samples.add(new MarkSample(symbol, rows.getTimestamp(1).toInstant(), rows.getBigDecimal(2)));
                    }
                }
            }
        });
        return samples;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PoolSample> pool(long userId, Instant from) {
        List<PoolSample> samples = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT sampled_at, margin_balance, "
                    + "maintenance_margin FROM pool_sample WHERE user_id = ? AND sampled_at >= ? ORDER BY sampled_at")) {
                query.setLong(1, userId);
                query.setTimestamp(2, Timestamp.from(from));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        BigDecimal balance = rows.getBigDecimal(2);
                        samples.add(new PoolSample(userId, rows.getTimestamp(1).toInstant(), balance,
                                rows.getBigDecimal(3)));
                    }
                }
            }
        });
        return samples;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBefore(Instant before) {
        int[] deleted = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            for (String table : List.of("mark_sample", "pool_sample")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE sampled_at < ?")) {
                    delete.setTimestamp(1, Timestamp.from(before));
                    deleted[0] += delete.executeUpdate();
                }
            }
        });
        return deleted[0];
    }
}
