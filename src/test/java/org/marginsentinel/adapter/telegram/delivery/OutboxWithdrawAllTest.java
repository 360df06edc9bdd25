package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.store.OutboxStore;

/**
 * A crash withdraws thousands of stale warnings in one transaction (V180's index, one statement per chat and key in a
 * JDBC batch): on the real database exactly the unsent rows of each given chat under its own key go, also a row
 * queued earlier in the same transaction, and nothing of another chat or another key. The rows are queued a day
 * ahead, so no running sender takes them.
 */
@QuarkusTest
class OutboxWithdrawAllTest {

    private static final long ALICE = 9_180_001;
    private static final long BOB = 9_180_002;
    private static final Set<Long> CHATS = Set.of(ALICE, BOB);

    @Inject
    Outbox outbox;

    @Inject
    OutboxStore store;

    private final Instant later = Instant.now().plus(Duration.ofDays(1));

    @AfterEach
    void dropTheRows() {
        QuarkusTransaction.requiringNew().run(() -> CHATS.forEach(chat -> store.dropPending(chat, "test over")));
    }

    @Test
    void eachChatLosesItsOwnRowsUnderItsOwnKeys_includingOneQueuedInTheSameTransaction() {
        QuarkusTransaction.requiringNew().run(() -> {
            queue(ALICE, "alice 1", "risk:position:91801");
            queue(ALICE, "alice 2", "risk:position:91802");
            queue(BOB, "bob 1", "risk:position:91801"); // the same key in another chat stays
        });

        int dropped = QuarkusTransaction.requiringNew().call(() -> {
            queue(ALICE, "alice 3", "risk:position:91803");
            return outbox.withdrawAll(List.of(ALICE, ALICE, BOB), List.of("risk:position:91801", "risk:position:91803",
                    "risk:position:91899"));
        });

        assertThat(dropped).isEqualTo(2);
        assertThat(store.due(later.plus(Duration.ofDays(1)), 100_000)).filteredOn(row -> CHATS.contains(row.chatId()))
                .extracting(row -> row.html()).containsExactlyInAnyOrder("alice 2", "bob 1");
    }

    private void queue(long chat, String text, String key) {
        outbox.enqueue(OutgoingMessage.to(chat, text).superseding(key).notBefore(later));
    }
}
