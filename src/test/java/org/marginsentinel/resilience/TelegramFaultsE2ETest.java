package org.marginsentinel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity.Status;

/**
 * A warning goes out to 36 chats while the Bot API misbehaves in every way it can, a different way for each
 * group of chats: 429 storms, 5xx, blocked users, connections dropped before or after Telegram handled the
 * call. Every reachable chat gets its warning (once, except where Telegram delivered but the answer was lost),
 * blocked chats are marked inactive, and healthy chats are not held up. The long poll survives dropped
 * connections too.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class TelegramFaultsE2ETest {

    private static final int CHATS_PER_FAULT = 6;

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    Outbox outbox;

    @Inject
    ChatDirectory chats;

    @Inject
    EntityManager em;

    enum Trouble { NONE, TOO_MANY_REQUESTS, SERVER_ERRORS, BLOCKED, DROPPED_BEFORE, DROPPED_AFTER }

    @Test
    void aWarningToManyChats_survivesEveryKindOfBotApiFailure() {
        Map<Trouble, List<Long>> chatsBy = new EnumMap<>(Trouble.class);
        for (Trouble trouble : Trouble.values()) {
            List<Long> group = new ArrayList<>();
            for (int i = 0; i < CHATS_PER_FAULT; i++) {
                long chat = telegram.newUser();
                group.add(chat);
                switch (trouble) {
                    case TOO_MANY_REQUESTS -> telegram.rateLimitNext(chat, 3, 1);   // a 429 storm: thrice in a row
                    case SERVER_ERRORS -> telegram.failNext(chat, 2, i % 2 == 0 ? 502 : 500);
                    case BLOCKED -> telegram.blockBy(chat);
                    case DROPPED_BEFORE -> telegram.dropConnections(chat, 2, false);
                    case DROPPED_AFTER -> telegram.dropConnections(chat, 1, true);
                    case NONE -> {
                    }
                }
            }
            chatsBy.put(trouble, group);
        }
        Map<Long, Long> rowOf = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> chatsBy.values().stream().flatMap(List::stream).forEach(chat ->
                rowOf.put(chat, outbox.enqueue(OutgoingMessage.to(chat, "🟡 WARNING for chat " + chat)
                        .withPriority(OutgoingMessage.PRIORITY_WARNING)).get(0))));

        // Healthy chats are served at once, whatever the others suffer.
        for (long chat : chatsBy.get(Trouble.NONE)) {
            assertThat(telegram.awaitReplyTo(chat).text()).isEqualTo("🟡 WARNING for chat " + chat);
        }
        long healthyDoneAt = System.nanoTime();

        try {
            Eventually.until("every row settled", Duration.ofSeconds(30),
                    () -> rowOf.values().stream().map(this::status).noneMatch(s -> s == Status.PENDING));
        } catch (AssertionError e) {
            StringBuilder pending = new StringBuilder();
            chatsBy.forEach((trouble, list) -> list.stream().filter(c -> status(rowOf.get(c)) == Status.PENDING)
                    .forEach(c -> pending.append(trouble).append(' ').append(c).append(' ')
                            .append(telegram.callsTo(c)).append('\n')));
            throw new AssertionError(e.getMessage() + "\nStill pending:\n" + pending, e);
        }

        for (Trouble trouble : Trouble.values()) {
            for (long chat : chatsBy.get(trouble)) {
                List<RecordedCall> sends = telegram.callsTo(chat);
                long delivered = sends.stream().filter(RecordedCall::succeeded).count();
                String what = trouble + " chat " + chat + ": " + sends;
                switch (trouble) {
                    case BLOCKED -> {
                        assertThat(status(rowOf.get(chat))).as(what).isEqualTo(Status.DROPPED);
                        assertThat(chats.isActive(chat)).as(what).isEqualTo(Optional.of(false));
                        assertThat(sends).as("one try, then no more: " + what).hasSize(1);
                    }
                    case DROPPED_AFTER -> {
                        // Telegram showed it, the bot never heard: sent again, so the user may see it twice.
                        assertThat(status(rowOf.get(chat))).as(what).isEqualTo(Status.SENT);
                        assertThat(delivered).as(what).isBetween(1L, 2L);
                    }
                    default -> {
                        assertThat(status(rowOf.get(chat))).as(what).isEqualTo(Status.SENT);
                        assertThat(delivered).as("exactly once: " + what).isEqualTo(1);
                    }
                }
                if (trouble == Trouble.TOO_MANY_REQUESTS) {
                    assertThat(sends).extracting(RecordedCall::status).as(what).containsExactly(429, 429, 429, 200);
                    assertThat(healthyDoneAt).as("healthy chats were served while this one was still waiting: " + what)
                            .isLessThan(sends.get(sends.size() - 1).nanoTime());
                    for (int i = 1; i < sends.size(); i++) {
                        long gapMillis = (sends.get(i).nanoTime() - sends.get(i - 1).nanoTime()) / 1_000_000;
                        assertThat(gapMillis).as("retry_after honoured: " + what).isGreaterThanOrEqualTo(1_000);
                    }
                }
            }
        }
    }

    @Test
    void droppedLongPollConnections_theBotKeepsListening() {
        long user = telegram.newUser();
        telegram.dropPolls(3);
        telegram.userSays(user, "/start");

        assertThat(telegram.awaitReplyTo(user, Duration.ofSeconds(15)).plainText()).contains("Welcome");
        telegram.userSays(user, "/balance");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Wallet: 10,000.00 USDT");
    }

    private Status status(long rowId) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(OutboxMessageEntity.class, rowId).status);
    }
}
