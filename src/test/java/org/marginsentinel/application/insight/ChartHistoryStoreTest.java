package org.marginsentinel.application.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.application.port.ChartHistoryStore;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;

/** The chart samples in the real (H2) database. Shares the bot tests' application start. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class ChartHistoryStoreTest {

    private static final AtomicLong USERS = new AtomicLong(9_000_000_000L);

    @Inject
    ChartHistoryStore store;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void save_thenRead_oldestFirst_fromTheWindowOnly() {
        Instant t0 = Instant.parse("2032-03-01T10:00:00Z");
        long user = USERS.incrementAndGet();
        store.save(List.of(new MarkSample("TESTAUSDT", t0, d("1.5"))),
                List.of(new PoolSample(user, t0, d("1000"), d("12.5"))));
        store.save(List.of(new MarkSample("TESTAUSDT", t0.plusSeconds(60), d("1.6"))),
                List.of(new PoolSample(user, t0.plusSeconds(300), d("990"), d("12.6"))));

        assertThat(store.marks("TESTAUSDT", t0)).extracting(MarkSample::markPrice)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("1.5"), d("1.6"));
        assertThat(store.marks("TESTAUSDT", t0.plusSeconds(30))).hasSize(1);
        assertThat(store.pool(user, t0)).extracting(PoolSample::at).containsExactly(t0, t0.plusSeconds(300));
        assertThat(store.pool(user + 1, t0)).isEmpty();
    }

    @Test
    void save_sameMinuteAgain_replacesIt_soARestartDuplicatesNothing() {
        Instant t0 = Instant.parse("2032-03-02T10:00:00Z");
        store.save(List.of(new MarkSample("TESTBUSDT", t0, d("2"))), List.of());
        store.save(List.of(new MarkSample("TESTBUSDT", t0, d("3"))), List.of());

        assertThat(store.marks("TESTBUSDT", t0)).singleElement()
                .satisfies(sample -> assertThat(sample.markPrice()).isEqualByComparingTo("3"));
    }

    @Test
    void deleteBefore_prunesOldSamplesOnly() {
        Instant old = Instant.parse("2032-03-03T00:00:00Z");
        long user = USERS.incrementAndGet();
        store.save(List.of(new MarkSample("TESTCUSDT", old, d("5"))), List.of(new PoolSample(user, old, d("1"), d("0"))));
        Instant fresh = old.plusSeconds(25 * 3600);
        store.save(List.of(new MarkSample("TESTCUSDT", fresh, d("6"))), List.of());

        assertThat(store.deleteBefore(fresh.minusSeconds(24 * 3600))).isGreaterThanOrEqualTo(2);

        assertThat(store.marks("TESTCUSDT", old)).singleElement()
                .satisfies(sample -> assertThat(sample.at()).isEqualTo(fresh));
        assertThat(store.pool(user, old)).isEmpty();
    }
}
