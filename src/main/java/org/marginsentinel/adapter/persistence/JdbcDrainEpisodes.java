package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;
import org.marginsentinel.application.watch.DrainEpisodes;

/** The {@code watched_drain_episode} table (V190) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JdbcDrainEpisodes implements DrainEpisodes {

    @Inject
    EntityManager em;

    @Override
    public Map<String, Episode> all() {
        Map<String, Episode> episodes = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT subject, peak_balance, peak_at FROM watched_drain_episode");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    episodes.put(rows.getString(1), new Episode(rows.getBigDecimal(2), rows.getTimestamp(3).toInstant()));
                }
            }
        });
        return episodes;
    }

    @Override
    public void save(String subject, Episode episode) {
        end(subject);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO watched_drain_episode (subject, peak_balance, peak_at) VALUES (?, ?, ?)")) {
                insert.setString(1, subject);
                insert.setBigDecimal(2, episode.peakBalance().setScale(8, RoundingMode.HALF_EVEN));
                insert.setTimestamp(3, Timestamp.from(episode.peakAt()));
                insert.executeUpdate();
            }
        });
    }

    @Override
    public void end(String subject) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM watched_drain_episode WHERE subject = ?")) {
                delete.setString(1, subject);
                delete.executeUpdate();
            }
        });
    }
}
