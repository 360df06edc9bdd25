package org.marginsentinel.adapter.persistence;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Online backups of the H2 database while the service runs: H2's {@code SCRIPT TO ... COMPRESSION GZIP}
 * writes a consistent SQL dump (one transaction) of everything into
 * {@code <directory>/sentinel-<UTC time>.sql.gz}; the oldest dumps beyond {@code keep} are deleted.
 * Off unless {@code sentinel.backup.every} is set. With PostgreSQL it does nothing: use pg_dump.
 * Restore into an empty (new) database file with H2's RunScript tool, as the README shows.
 */
@ApplicationScoped
public class H2Backup {

    private static final Logger LOG = Logger.getLogger(H2Backup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String PREFIX = "sentinel-";
    private static final String SUFFIX = ".sql.gz";

    /** {@code sentinel.backup.*}. */
    @ConfigMapping(prefix = "sentinel.backup")
    public interface BackupConfig {

        /** How often to write a dump, e.g. 6h; "off" = never. */
        @WithDefault("off")
        String every();

        /** Where dumps go (created if missing). */
        @WithDefault("data/backups")
        Path directory();

        /** How many dumps to keep. */
        @WithDefault("7")
        int keep();
    }

    @Inject
    DataSource dataSource;
    @Inject
    BackupConfig config;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Scheduled(identity = "h2-backup", every = "${sentinel.backup.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!"h2".equals(dbKind)) {
            return;
        }
        try {
            Path written = backupNow();
            LOG.infof("Database backed up to %s", written);
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Database backup failed; next try in %s", config.every());
        }
    }

    /**
     * Writes one dump now and prunes old ones; returns the new file.
     *
     * @throws IllegalStateException on PostgreSQL (use pg_dump there)
     */
    public Path backupNow() throws SQLException {
        if (!"h2".equals(dbKind)) {
            throw new IllegalStateException("Online backups are for the H2 database; use pg_dump for " + dbKind);
        }
        Path directory = config.directory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup directory " + directory, e);
        }
        Path target = directory.resolve(PREFIX + STAMP.format(clock.instant()) + SUFFIX);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SCRIPT TO '" + target.toString().replace("'", "''") + "' COMPRESSION GZIP");
        }
        prune(directory);
        return target;
    }

    private void prune(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> dumps = files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList(); // the UTC stamp sorts by age
            for (Path old : dumps.subList(0, Math.max(0, dumps.size() - Math.max(1, config.keep())))) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            LOG.warnf("Could not prune old backups in %s: %s", directory, e.getMessage());
        }
    }
}
