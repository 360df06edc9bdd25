package org.marginsentinel.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.TestClock;

/** A dump taken while the service runs restores into an empty database with H2's own tool, and old dumps go. */
@QuarkusTest
class H2BackupTest {

    @Inject
    H2Backup backup;

    @Inject
    H2Backup.BackupConfig config;

    @Inject
    TestClock clock;

    private Path directory;

    @BeforeEach
    void emptyDirectory() throws Exception {
        directory = config.directory().toAbsolutePath();
        deleteDumps();
        clock.freezeAt(java.time.Instant.parse("2032-05-01T00:00:00Z"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        deleteDumps();
    }

    @Test
    void aDumpOfTheRunningDatabase_restoresIntoAnEmptyOne() throws Exception {
        Path dump = backup.backupNow();

        assertThat(dump).exists().hasFileName("sentinel-20320501-000000.sql.gz");
        try (Connection restored = DriverManager.getConnection("jdbc:h2:mem:restore-check", "sa", "")) {
            restored.createStatement().execute("RUNSCRIPT FROM '" + dump + "' COMPRESSION GZIP");
            ResultSet migrations = restored.createStatement().executeQuery(
                    "SELECT count(*) FROM \"flyway_schema_history\" WHERE \"success\"");
            migrations.next();
            assertThat(migrations.getInt(1)).isGreaterThanOrEqualTo(3);
            ResultSet tables = restored.createStatement().executeQuery(
                    "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN"
                            + " ('ACCOUNT', 'PAPER_POSITION', 'TELEGRAM_OUTBOX', 'ALERT_STATE')");
            tables.next();
            assertThat(tables.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void onlyTheNewestDumpsAreKept() throws Exception {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < config.keep() + 2; i++) {
            written.add(backup.backupNow());
            clock.advance(Duration.ofHours(1));
        }

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.sorted().toList())
                    .containsExactlyElementsOf(written.subList(2, written.size()));
        }
    }

    private void deleteDumps() throws Exception {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("sentinel-")).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
