package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.MarkPrice;

/** A mark's age counts from the exchange's own timestamp. */
class MarkBookTest {

    private static final Instant T0 = Instant.parse("2026-09-19T13:20:00Z");
    private final MarkBook book = new MarkBook(Duration.ofSeconds(15));

    private static MarkPrice mark(String price, Instant observedAt) {
        return new MarkPrice("BTCUSDT", new BigDecimal(price), observedAt, "binance");
    }

    @Test
    void anHourOldMark_isStaleAndSaysItsAge() {
        book.offer(mark("80000", T0.minus(Duration.ofHours(1))));

        assertThat(book.fresh("BTCUSDT", T0)).isEmpty();
        assertThat(book.fresh(T0)).isEmpty();
        assertThat(book.freshness("BTCUSDT", T0).orElseThrow().age()).isEqualTo(Duration.ofHours(1));
        assertThat(book.freshness("BTCUSDT", T0).orElseThrow().stale()).isTrue();
    }

    @Test
    void anOlderMark_neverReplacesANewerOne() {
        book.offer(mark("80000", T0));

        assertThat(book.offer(mark("70000", T0.minus(Duration.ofHours(1))))).isFalse();
        assertThat(book.fresh("BTCUSDT", T0.plusSeconds(14)).orElseThrow().price()).isEqualByComparingTo("80000");
        assertThat(book.fresh("BTCUSDT", T0.plusSeconds(15))).isEmpty();
    }
}
