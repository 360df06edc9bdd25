package org.marginsentinel.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Application set-ups for the harnesses: a fresh H2 <em>file</em> database per run (as in production, not the
 * in-memory one of the tests), the fakes of {@link BenchResource}, and either Telegram's limits or raised ones.
 */
public final class BenchProfiles {

    private BenchProfiles() {
    }

    /** Production's H2 settings (application.properties); -Dbench.h2.settings replaces them to compare. */
    private static Map<String, String> freshDatabase(String name) {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:./target/bench-db/" + name + "-"
                + System.currentTimeMillis() + ";DB_CLOSE_ON_EXIT=FALSE"
                + System.getProperty("bench.h2.settings", ";QUERY_CACHE_SIZE=64"),
                "quarkus.log.category.\"org.marginsentinel.adapter.telegram.delivery\".level", "WARN");
    }

    /** Telegram's real limits, enforced by the bot and by the fake Bot API (429 when exceeded). */
    public static class TelegramLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return freshDatabase("telegram-limits");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BenchResource.class, Map.of("limits", "telegram")));
        }
    }

    /** The global send limit raised (sentinel.telegram.max-messages-per-second), to measure processing. */
    public static class RaisedLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return freshDatabase("raised-limits");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BenchResource.class, Map.of("limits", "raised")));
        }
    }
}
