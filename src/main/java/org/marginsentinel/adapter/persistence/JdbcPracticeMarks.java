package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.marginsentinel.application.port.PracticeMarks;

/** The {@code practice_position} table (V81) in plain JDBC, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JdbcPracticeMarks implements PracticeMarks {

    @Inject
    EntityManager em;

    @Override
    public void mark(long userId, long positionId) {
        em.flush(); // the position may have been inserted through an entity in this transaction
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO practice_position (position_id, user_id) VALUES (?, ?)")) {
                insert.setLong(1, positionId);
                insert.setLong(2, userId);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public Set<Long> practiceIds(Collection<Long> userIds) {
        Set<Long> ids = new HashSet<>();
        List<Long> users = List.copyOf(userIds);
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < users.size(); from += 500) {
                List<Long> chunk = users.subList(from, Math.min(users.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT position_id FROM practice_position WHERE user_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
            }
        });
        return ids;
    }
}
