package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.marginsentinel.application.watch.LiquidationSightings;

/** The {@code watched_liquidation_sighting} table (V140) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JdbcLiquidationSightings implements LiquidationSightings {

    @Inject
    EntityManager em;

    @Override
    public Map<Long, Set<String>> all() {
        Map<Long, Set<String>> sightings = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account_id, coin FROM watched_liquidation_sighting");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sightings.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getString(2));
                }
            }
        });
        return sightings;
    }

    @Override
    public void seen(long accountId, String coin) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO watched_liquidation_sighting (account_id, coin) SELECT ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM watched_liquidation_sighting WHERE account_id = ? AND coin = ?)")) {
                insert.setLong(1, accountId);
                insert.setString(2, coin);
                insert.setLong(3, accountId);
                insert.setString(4, coin);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public void forget(long accountId) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM watched_liquidation_sighting WHERE account_id = ?")) {
                delete.setLong(1, accountId);
                delete.executeUpdate();
            }
        });
    }
}
