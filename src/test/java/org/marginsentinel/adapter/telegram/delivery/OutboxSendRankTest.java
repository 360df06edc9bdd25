package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.marginsentinel.adapter.telegram.store.OutboxStore;
import org.marginsentinel.application.alert.SendUrgency;

/**
 * The real store (H2, the send-order index of V75) hands pending rows out by priority, then send rank, then age,
 * also page by page. The rows are queued a day ahead and read as of two days ahead, so no running sender takes them.
 */
@QuarkusTest
class OutboxSendRankTest {

    private static final long FAR = 9_100_001;
    private static final long NEAR = 9_100_002;
    private static final long ASKED = 9_100_003;
    private static final long NEARER = 9_100_004;
    private static final Set<Long> CHATS = Set.of(FAR, NEAR, ASKED, NEARER);

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
    void criticalRowsGoOutNearestFirst_repliesAfterThem_andPagesKeepTheOrder() {
        QuarkusTransaction.requiringNew().run(() -> {
            queue(FAR, OutgoingMessage.PRIORITY_CRITICAL, "0.025");
            queue(NEAR, OutgoingMessage.PRIORITY_CRITICAL, "0.004");
            outbox.enqueue(OutgoingMessage.to(ASKED, "reply").withPriority(OutgoingMessage.PRIORITY_REPLY).notBefore(later));
            queue(NEARER, OutgoingMessage.PRIORITY_CRITICAL, "0.001");
        });
        Instant asOf = later.plus(Duration.ofDays(1));

        List<Long> all = chatsOf(store.due(asOf, 10_000));
        List<Long> paged = new ArrayList<>();
        OutboxRow last = null;
        for (int page = 0; page < 10_000; page++) {
            List<OutboxRow> rows = store.due(asOf, last, 2);
            paged.addAll(chatsOf(rows));
            if (rows.size() < 2) {
                break;
            }
            last = rows.get(rows.size() - 1);
        }

        assertThat(all).containsExactly(NEARER, NEAR, FAR, ASKED);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void firstWarningsGoAheadOfEscalations_andAnEscalationReplacingAnUnsentFirstWarningKeepsItsPlace() {
        QuarkusTransaction.requiringNew().run(() -> {
            queue(NEARER, OutgoingMessage.PRIORITY_CRITICAL, "0.001");           // heard before: an escalation
            queue(FAR, OutgoingMessage.PRIORITY_FIRST_WARNING, "0.09", "risk:position:1");
            queue(NEAR, OutgoingMessage.PRIORITY_FIRST_WARNING, "0.08", "risk:position:2");
        });
        QuarkusTransaction.requiringNew().run(() -> // NEAR's subject worsens before its first warning went out
                queue(NEAR, OutgoingMessage.PRIORITY_CRITICAL, "0.004", "risk:position:2"));
        Instant asOf = later.plus(Duration.ofDays(1));

        List<OutboxRow> due = store.due(asOf, 10_000).stream().filter(row -> CHATS.contains(row.chatId())).toList();

        assertThat(due).extracting(OutboxRow::chatId).containsExactly(NEAR, FAR, NEARER);
        assertThat(due.get(0).html()).isEqualTo("warning 0.004");
        assertThat(due.get(0).priority()).isEqualTo(OutgoingMessage.PRIORITY_FIRST_WARNING);
    }

    private void queue(long chat, int priority, String distance, String supersedeKey) {
        outbox.enqueue(OutgoingMessage.to(chat, "warning " + distance).withPriority(priority).notBefore(later)
                .superseding(supersedeKey), SendUrgency.rank(new BigDecimal(distance), null));
    }

    private void queue(long chat, int priority, String distance) {
        outbox.enqueue(OutgoingMessage.to(chat, "warning " + distance).withPriority(priority).notBefore(later),
                SendUrgency.rank(new BigDecimal(distance), null));
    }

    private static List<Long> chatsOf(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::chatId).filter(CHATS::contains).toList();
    }
}
