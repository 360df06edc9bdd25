package org.marginsentinel.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.store.HandledUpdateEntity;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity;

@QuarkusTest
class TelegramHousekeepingTest {

    @Inject
    TelegramHousekeeping housekeeping;

    @Inject
    EntityManager em;

    @Test
    void prune_dropsOldHandledIdsAndFinishedMessages_keepsRecentAndPendingOnes() {
        Instant now = Instant.now();
        long base = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 10L;
        QuarkusTransaction.requiringNew().run(() -> {
            em.persist(handled(base, now.minus(Duration.ofDays(3))));
            em.persist(handled(base + 1, now.minus(Duration.ofHours(30))));
        });
        long oldSent = insert(OutboxMessageEntity.Status.SENT, now.minus(Duration.ofDays(8)));
        long oldPending = insert(OutboxMessageEntity.Status.PENDING, now.minus(Duration.ofDays(8)));
        long recentSent = insert(OutboxMessageEntity.Status.SENT, now.minus(Duration.ofDays(1)));

        housekeeping.pruneNow(now);

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(em.find(HandledUpdateEntity.class, base)).as("older than two days").isNull();
            assertThat(em.find(HandledUpdateEntity.class, base + 1)).isNotNull();
            assertThat(em.find(OutboxMessageEntity.class, oldSent)).isNull();
            assertThat(em.find(OutboxMessageEntity.class, oldPending)).as("never delete unsent rows").isNotNull();
            assertThat(em.find(OutboxMessageEntity.class, recentSent)).isNotNull();
        });
    }

    private static HandledUpdateEntity handled(long id, Instant at) {
        HandledUpdateEntity row = new HandledUpdateEntity();
        row.updateId = id;
        row.handledAt = at;
        return row;
    }

    private long insert(OutboxMessageEntity.Status status, Instant createdAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessageEntity row = new OutboxMessageEntity();
            row.chatId = 31337L;
            row.html = "old";
            row.priority = 50;
            row.status = status;
            row.notBefore = createdAt.plus(Duration.ofDays(365)); // never due: no sender runs here anyway
            row.createdAt = createdAt;
            em.persist(row);
            return row.id;
        });
    }
}
