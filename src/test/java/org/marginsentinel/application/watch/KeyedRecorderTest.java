package org.marginsentinel.application.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.ExchangeAccountSnapshot;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** A key expiring is told once, a week before; a rejected key pauses the account and is told once. */
class KeyedRecorderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final ExchangeAccountSnapshot EMPTY = new ExchangeAccountSnapshot(NOW, BigDecimal.TEN,
            BigDecimal.TEN, null, null, null, List.of());

    private final List<KeyedNotice> told = new ArrayList<>();
    private final RecordingKeyedStore store = new RecordingKeyedStore();
    private final List<KeyedAccount> saved = store.saved;
    private final KeyedRecorder recorder = new KeyedRecorder();

    @BeforeEach
    void wire() {
        recorder.book = new KeyedBook();
        recorder.watchBook = new WatchBook();
        recorder.watchBook.keyed = recorder.book;
        recorder.notifier = told::add;
        recorder.settings = KeyedSettings.DEFAULTS;
        recorder.store = store;
        KeyedWarnings warnings = new KeyedWarnings();
        warnings.exchanges = ValuersOnly.of();
        recorder.warnings = warnings;
        recorder.drains = new WatchDrains();
    }

    private void watch(Instant keyExpiresAt) {
        recorder.book.put(new KeyedAccount(1, 7, KeyedExchange.BINANCE, "AbCd…9xYz", NOW.minusSeconds(60),
                NOW.minusSeconds(60), EMPTY, Availability.OK, null, keyExpiresAt, null),
                ApiKey.hmac(KeyedExchange.BINANCE, "AbCdEfGh9xYz", "s", null));
    }

    @Test
    void aKeyExpiringWithinAWeek_isToldOnce() {
        watch(NOW.plus(Duration.ofDays(9)));

        recorder.answered(1, EMPTY, NOW);
        assertThat(told).as("9 days before: not yet").isEmpty();
        recorder.answered(1, EMPTY, NOW.plus(Duration.ofDays(2)));
        recorder.answered(1, EMPTY, NOW.plus(Duration.ofDays(3)));

        assertThat(told).singleElement().isInstanceOfSatisfying(KeyedNotice.ExpiresSoon.class,
                notice -> assertThat(notice.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(9))));
        assertThat(saved.get(saved.size() - 1).expiryWarnedAt()).as("remembered across restarts")
                .isEqualTo(NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void aRejectedKey_pausesTheAccount_andIsToldOnce() {
        watch(null);
        KeyedSourceUnavailable rejected = new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.KEY_REJECTED,
                "HTTP 401, code -2015 (API key rejected)", null, null);

        recorder.failed(1, rejected, NOW);
        recorder.failed(1, rejected, NOW.plusSeconds(30));

        assertThat(told).singleElement().isInstanceOf(KeyedNotice.KeyRejected.class);
        assertThat(recorder.book.account(1)).get().satisfies(a -> assertThat(a.isPaused()).isTrue());
        assertThat(saved).singleElement().satisfies(a -> assertThat(a.pausedReason()).contains("HTTP 401"));
    }

    @Test
    void aRateLimit_quietsTheExchangeForItsRetryAfter() {
        watch(null);
        recorder.failed(1, new KeyedSourceUnavailable(KeyedSourceUnavailable.Kind.RATE_LIMITED, "HTTP 429",
                Duration.ofSeconds(30), null), NOW);

        assertThat(recorder.book.quiet(KeyedExchange.BINANCE, NOW.plusSeconds(29))).isTrue();
        assertThat(recorder.book.quiet(KeyedExchange.BINANCE, NOW.plusSeconds(30))).isFalse();
        assertThat(told).isEmpty();
    }
}
