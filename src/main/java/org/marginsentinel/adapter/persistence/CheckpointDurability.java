package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.marginsentinel.application.port.Durability;

/**
 * Group commit for the embedded database: H2 writes committed transactions to its file in the background (every
 * {@code WRITE_DELAY} ms, 500 by default), so a killed process loses the last commits. That is harmless as long as
 * nobody outside was told about them: a lost command is handled again from the inbox, a lost warning is raised again
 * by the next tick. So everything that tells the outside world (a message to Telegram, the poll that confirms
 * received updates, a webhook's answer) first calls {@link #flush()}, which writes every commit so far at once: one
 * write for many transactions instead of one per transaction (half the CPU of a command with H2; see
 * docs/BENCHMARKS.md). PostgreSQL makes each commit durable itself, so there it does nothing.
 */
@ApplicationScoped
public class CheckpointDurability implements Durability {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    protected CheckpointDurability() {
    }

    /** Outside CDI (tests). */
    CheckpointDurability(DataSource dataSource, String dbKind) {
        this.dataSource = dataSource;
        this.dbKind = dbKind;
    }

    /**
     * Returns once every transaction committed before the call survives a killed process (not a power cut: like
     * H2's own writes it does not fsync). Cheap when nothing was committed since the last flush.
     *
     * @throws SQLException when the database cannot write; then nothing may be told outside
     */
    @Override
    public void flush() throws SQLException {
        if (!"h2".equals(dbKind)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT"); // H2: writes the committed changes to the file now (MVStore commit)
        }
    }
}
