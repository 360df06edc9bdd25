package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Vetoed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.connection.SendRateLimiter;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.marginsentinel.adapter.telegram.store.OutboxStore;

/** How the sender records each outcome, against an in-memory store: no Quarkus, no database, no Telegram. */
class DeliveryOutcomesTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private static final long CHAT = 4242;

    private final RecordingStore store = new RecordingStore();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final AtomicLong limiterMillis = new AtomicLong();
    private final SendRateLimiter limiter = new SendRateLimiter(30, Duration.ofSeconds(1), 20, limiterMillis::get);
    private final DeliveryOutcomes outcomes = new DeliveryOutcomes();

    @BeforeEach
    void wire() {
        outcomes.store = store;
        outcomes.metrics = metrics;
        outcomes.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void serverError_retriesAfterTheBackOff_andTheNextSuccessReleasesEverythingWaiting() {
        OutboxRow row = row(1, "hi", OutgoingMessage.PRIORITY_REPLY, 2, NOW.minusSeconds(30));

        outcomes.callEnded(List.of(row), null, TelegramAnswer.error(502, "Bad Gateway"), limiter);
        outcomes.callEnded(List.of(row(2, "other", OutgoingMessage.PRIORITY_REPLY, 0, NOW)), 77, null, limiter);
        outcomes.callEnded(List.of(row(3, "more", OutgoingMessage.PRIORITY_REPLY, 0, NOW)), 78, null, limiter);

        assertThat(store.calls).containsExactly(
                "retryLater [1] until " + NOW.plusSeconds(8) + " counted: 502 Bad Gateway",
                "markSent [2] as 77",
                "resumeWaiting at " + NOW,
                "markSent [3] as 78");
    }

    @Test
    void tooManyRequests_pausesTheChat_withoutCountingAnAttempt() {
        outcomes.callEnded(List.of(row(1, "hi", OutgoingMessage.PRIORITY_DANGER, 0, NOW)), null,
                new TelegramAnswer(429, "Too Many Requests: retry after 3", 3, null), limiter);

        assertThat(store.calls).containsExactly("retryLater [1] until " + NOW.plusSeconds(3)
                + " not counted: 429 Too Many Requests: retry after 3");
        assertThat(limiter.chatWait(CHAT)).isEqualTo(3_000);
    }

    @Test
    void chatNeverOpened_holdsItsMessages() {
        outcomes.callEnded(List.of(row(1, "hi", OutgoingMessage.PRIORITY_WARNING, 0, NOW)), null,
                TelegramAnswer.error(403, "Forbidden: bot can't initiate conversation with a user"), limiter);

        assertThat(store.calls).containsExactly("holdUntilOpened " + CHAT);
    }

    @Test
    void refusedMarkup_isResentAsPlainText_thenGivenUpAndCounted() {
        outcomes.callEnded(List.of(row(1, "<b>x</b> &amp; y", OutgoingMessage.PRIORITY_WARNING, 0, NOW)), null,
                TelegramAnswer.error(400, "Bad Request: can't parse entities"), limiter);
        OutboxRow plain = new OutboxRow(1, CHAT, null, null, null, "x & y", null, false,
                OutgoingMessage.PRIORITY_WARNING, 1, false, true, NOW);
        outcomes.callEnded(List.of(plain), null, TelegramAnswer.error(400, "Bad Request: can't parse entities"), limiter);

        assertThat(store.calls).containsExactly("resendAsPlainText 1: x & y",
                "markFailed [1]: refused even as plain text: 400 Bad Request: can't parse entities");
        assertThat(metrics.undelivered).containsExactly("warning refused");
    }

    @Test
    void tooLong_isSplitIntoParts() {
        String text = "first half of the line\n".repeat(10).strip();

        outcomes.callEnded(List.of(row(1, text, OutgoingMessage.PRIORITY_REPLY, 0, NOW)), null,
                TelegramAnswer.error(400, "Bad Request: message is too long"), limiter);

        assertThat(store.calls).singleElement().asString().startsWith("split 1 into ");
        assertThat(store.splitParts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", store.splitParts)).isEqualTo(text);
    }

    @Test
    void settleStale_givesUpWhatFailedForOverADay_andLeavesTheRestToBeSent() {
        OutboxRow expired = row(1, "old reply", OutgoingMessage.PRIORITY_REPLY, 30, NOW.minus(Duration.ofHours(25)));
        OutboxRow retried = row(2, "recent reply", OutgoingMessage.PRIORITY_REPLY, 3, NOW.minus(Duration.ofHours(1)));
        OutboxRow queued = row(3, "never tried", OutgoingMessage.PRIORITY_WARNING, 0, NOW.minus(Duration.ofHours(2)));
        Map<Long, List<OutboxRow>> due = new LinkedHashMap<>();
        due.put(CHAT, new ArrayList<>(List.of(expired, retried, queued)));

        boolean changed = outcomes.settleStale(due);

        assertThat(changed).isTrue();
        assertThat(due.get(CHAT)).containsExactly(retried, queued);
        assertThat(store.calls).containsExactly("markFailed [1]: failing for over 24 h");
        assertThat(metrics.undelivered).containsExactly("reply expired");
    }

    private static OutboxRow row(long id, String html, int priority, int attempts, Instant createdAt) {
        return new OutboxRow(id, CHAT, null, null, null, html, null, false, priority, attempts, false, false, createdAt);
    }

    /** Records the state changes the outcomes ask for. (Vetoed: not a bean in the Quarkus tests.) */
    @Vetoed
    private static final class RecordingStore extends OutboxStore {
        final List<String> calls = new ArrayList<>();
        List<String> splitParts = List.of();

        @Override
        public void markSent(List<Long> ids, Integer telegramMessageId, Instant at, boolean withPhoto) {
            calls.add("markSent " + ids + " as " + telegramMessageId);
        }

        @Override
        public void markFailed(List<Long> ids, String error) {
            calls.add("markFailed " + ids + ": " + error);
        }

        @Override
        public void retryLater(List<Long> ids, Instant notBefore, String error, boolean countAttempt) {
            calls.add("retryLater " + ids + " until " + notBefore + (countAttempt ? " counted: " : " not counted: ")
                    + error);
        }

        @Override
        public int resumeWaiting(Instant now) {
            calls.add("resumeWaiting at " + now);
            return 1;
        }

        @Override
        public void resendAsPlainText(long id, String text, String error, Instant now) {
            calls.add("resendAsPlainText " + id + ": " + text);
        }

        @Override
        public boolean split(long id, List<String> parts, String error, Instant now) {
            calls.add("split " + id + " into " + parts.size());
            splitParts = parts;
            return true;
        }

        @Override
        public int holdUntilOpened(long chatId, String reason, Instant now) {
            calls.add("holdUntilOpened " + chatId);
            return 1;
        }

        @Override
        public int chatUnreachable(long chatId, String reason, Instant now) {
            calls.add("chatUnreachable " + chatId);
            return 1;
        }
    }

    @Vetoed
    private static final class RecordingMetrics extends TelegramMetrics {
        final List<String> undelivered = new ArrayList<>();

        @Override
        public void sent(int priority, int rows) {
        }

        @Override
        public void undelivered(int priority, String reason, int rows) {
            undelivered.add(kindOf(priority) + " " + reason);
        }
    }
}
