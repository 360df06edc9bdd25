package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;
import org.marginsentinel.application.watch.AdlWarnings;

/** The {@code keyed_adl_warned} table (V200) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JdbcAdlWarnings implements AdlWarnings {

    @Inject
    EntityManager em;

    @Override
    public Set<String> all() {
        Set<String> subjects = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT subject FROM keyed_adl_warned");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
        });
        return subjects;
    }

    @Override
    public void told(long accountId, String subject) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO keyed_adl_warned (account_id, subject) SELECT ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM keyed_adl_warned WHERE account_id = ? AND subject = ?)")) {
                insert.setLong(1, accountId);
                insert.setString(2, subject);
                insert.setLong(3, accountId);
                insert.setString(4, subject);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public void cleared(String subject) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM keyed_adl_warned WHERE subject = ?")) {
                delete.setString(1, subject);
                delete.executeUpdate();
            }
        });
    }
}
