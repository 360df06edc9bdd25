package org.marginsentinel.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link CheckpointDurability#flush()} promises, on a real H2 file with a long write delay: commits before a flush
 * survive a crash, commits after it may not. H2's {@code SHUTDOWN IMMEDIATELY} closes the file without writing
 * anything more, as a killed process would.
 */
class CheckpointDurabilityTest {

    @TempDir
    Path directory;

    @Test
    void commitsBeforeAFlushSurviveACrash_laterOnesAreLostWithoutOne() throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=60000";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        CheckpointDurability durability = new CheckpointDurability(dataSource, "h2");

        try (Connection keepOpen = dataSource.getConnection(); Statement sql = keepOpen.createStatement()) {
            sql.execute("create table sent (id int primary key)");
            sql.execute("insert into sent values (1)");
            durability.flush();
            sql.execute("insert into sent values (2)"); // committed (auto-commit), never flushed
            sql.execute("SHUTDOWN IMMEDIATELY");
        }

        assertThat(ids(url)).containsExactly(1);
    }

    @Test
    void otherDatabases_flushIsNothing() throws SQLException {
        // No data source is touched: PostgreSQL's commit is durable when it returns.
        new CheckpointDurability(null, "postgresql").flush();
    }

    private static List<Integer> ids(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("select id from sent order by id")) {
            List<Integer> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
            return ids;
        }
    }
}
