package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity.Status;

/** The outbox sender against the fake: limits, errors, merging, splitting. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class DeliveryE2ETest {

    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long MINUTE_NANOS = 60 * SECOND_NANOS;

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    Outbox outbox;

    @Inject
    ChatDirectory chats;

    @Inject
    EntityManager em;

    @Test
    void forbidden_marksTheChatInactive_andDropsItsPendingMessages() {
        long user = telegram.newUser();
        telegram.userSays(user, "/test_count f-" + user);
        telegram.awaitReplyTo(user);
        int callsBefore = telegram.callsTo(user).size();
        telegram.blockBy(user);

        List<Long> ids = enqueue(List.of(
                withButton(OutgoingMessage.to(user, "warning 1")),
                withButton(OutgoingMessage.to(user, "warning 2")),
                withButton(OutgoingMessage.to(user, "warning 3"))));

        Eventually.until("all three rows settled", () -> statuses(ids).stream().noneMatch(s -> s == Status.PENDING));
        assertThat(statuses(ids)).containsOnly(Status.DROPPED);
        assertThat(chats.isActive(user)).contains(false);
        assertThat(telegram.callsTo(user).stream().skip(callsBefore))
                .as("one attempt, then nothing more for a blocked chat")
                .singleElement().extracting(RecordedCall::status).isEqualTo(403);

        telegram.unblock(user);
        telegram.userSays(user, "/test_count f2-" + user);
        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count f2-" + user + " = 1");
        assertThat(chats.isActive(user)).contains(true);
    }

    @Test
    void tooManyRequests_waitsRetryAfterForThatChat_only() {
        long limited = telegram.newUser();
        long other = telegram.newUser();
        telegram.rateLimitNext(limited, 1, 2);

        enqueue(List.of(OutgoingMessage.to(limited, "after the pause")));
        List<RecordedCall> limitedCalls = telegram.awaitCalls(
                c -> c.chatId() != null && c.chatId() == limited && c.method().equals("sendmessage"), 1,
                Duration.ofSeconds(5));
        enqueue(List.of(OutgoingMessage.to(other, "not paused")));

        SentMessage otherMessage = telegram.awaitReplyTo(other);
        SentMessage delivered = telegram.awaitReplyTo(limited, Duration.ofSeconds(6));
        List<RecordedCall> attempts = telegram.callsTo(limited);
        assertThat(attempts).extracting(RecordedCall::status).containsExactly(429, 200);
        long gap = attempts.get(1).nanoTime() - attempts.get(0).nanoTime();
        assertThat(Duration.ofNanos(gap)).as("no send to the chat before retry_after").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(delivered.text()).isEqualTo("after the pause");
        assertThat(otherMessage.at()).as("other chats keep going meanwhile").isBefore(delivered.at());
        assertThat(limitedCalls.get(0).status()).isEqualTo(429);
    }

    @Test
    void serverErrors_areRetriedWithBackOff() {
        long user = telegram.newUser();
        telegram.failNext(user, 1, 502);

        List<Long> ids = enqueue(List.of(OutgoingMessage.to(user, "eventually")));

        assertThat(telegram.awaitReplyTo(user, Duration.ofSeconds(6)).text()).isEqualTo("eventually");
        assertThat(telegram.callsTo(user)).extracting(RecordedCall::status).containsExactly(502, 200);
        Eventually.until("row marked sent", () -> statuses(ids).equals(List.of(Status.SENT)));
    }

    @Test
    void burstAcrossChats_neverExceedsTheGlobalPerChatOrGroupRates() {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            users.add(telegram.newUser());
        }
        long group = telegram.newGroup();
        List<OutgoingMessage> burst = new ArrayList<>();
        // Group rows first: same priority goes oldest first, and the group is the slowest lane (1 per 200 ms).
        for (int i = 0; i < 25; i++) {
            burst.add(withButton(OutgoingMessage.to(group, "group alert " + i)));
        }
        for (int round = 0; round < 5; round++) {
            for (long user : users) {
                burst.add(withButton(OutgoingMessage.to(user, "alert " + round)));
            }
        }
        assertThat(burst).hasSize(200);
        Set<Long> ourChats = new HashSet<>(users);
        ourChats.add(group);

        enqueue(burst);

        int allowedForGroup = FakeTelegramResource.TEST_GROUP_PER_MINUTE;
        List<RecordedCall> sends = telegram.awaitCalls(c -> c.method().equals("sendmessage") && c.succeeded()
                && ourChats.contains(c.chatId()), 175 + allowedForGroup, Duration.ofSeconds(30));

        // Global: never more than max-messages-per-second in any one-second window (counting every send).
        List<Long> allTimes = telegram.calls().stream().filter(RecordedCall::isSendOrEdit)
                .map(RecordedCall::nanoTime).sorted().toList();
        assertThat(maxInWindow(allTimes, SECOND_NANOS)).isLessThanOrEqualTo(FakeTelegramResource.TEST_MAX_PER_SECOND);
        // It did use the budget: while a chat waited out its interval the others were served, so the burst was
        // not sent one chat after another (an order, not a duration: it holds however loaded the machine is).
        List<Long> sendOrder = sends.stream().sorted(Comparator.comparingLong(RecordedCall::nanoTime))
                .map(RecordedCall::chatId).toList();
        for (long user : users) {
            List<Integer> turns = IntStream.range(0, sendOrder.size()).filter(i -> sendOrder.get(i) == user)
                    .boxed().toList();
            for (int i = 1; i < turns.size(); i++) {
                assertThat(turns.get(i) - turns.get(i - 1) - 1).as("sends to other chats between two to chat %d", user)
                        .isPositive();
            }
        }
        // Per private chat: at least chat-interval between two messages.
        Map<Long, List<Long>> byChat = sends.stream().collect(Collectors.groupingBy(RecordedCall::chatId,
                Collectors.mapping(RecordedCall::nanoTime, Collectors.toList())));
        long interval = Duration.ofMillis(FakeTelegramResource.TEST_CHAT_INTERVAL_MILLIS).toNanos();
        for (long user : users) {
            assertThat(byChat.get(user)).hasSize(5);
            assertThat(minGap(byChat.get(user))).as("gap for chat %d", user).isGreaterThanOrEqualTo(interval);
        }
        // Per group: at most group-messages-per-minute in a minute; the rest wait.
        assertThat(byChat.get(group)).hasSize(allowedForGroup);
        assertThat(maxInWindow(byChat.get(group), MINUTE_NANOS)).isLessThanOrEqualTo(allowedForGroup);
        assertThat(minGap(byChat.get(group))).isGreaterThanOrEqualTo(interval);
        // The last accepted send is marked SENT just after the fake recorded it: wait for that commit.
        Eventually.until("all but the group's overflow marked sent", () -> pendingFor(group) == 25 - allowedForGroup);
        assertThat(pendingFor(group)).isEqualTo(25 - allowedForGroup);
    }

    private long pendingFor(long chatId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(o) from OutboxMessageEntity o where o.chatId = :chat and o.status = :pending",
                        Long.class)
                .setParameter("chat", chatId).setParameter("pending", Status.PENDING).getSingleResult());
    }

    @Test
    void severalPendingPlainMessages_goOutAsOneMessage() {
        long user = telegram.newUser();

        List<Long> ids = enqueue(List.of(OutgoingMessage.to(user, "one"), OutgoingMessage.to(user, "two"),
                OutgoingMessage.to(user, "<b>three</b>")));

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("one\n\ntwo\n\n<b>three</b>");
        Eventually.until("rows marked sent", () -> statuses(ids).stream().allMatch(s -> s == Status.SENT));
        telegram.assertNoReplyTo(user, Duration.ofMillis(300));
    }

    @Test
    void newerMessageWithTheSameKey_replacesTheUnsentOlderOne() {
        long user = telegram.newUser();

        List<Long> ids = enqueue(List.of(
                OutgoingMessage.to(user, "risk 10%").superseding("risk:BTCUSDT"),
                OutgoingMessage.to(user, "risk 12%").superseding("risk:BTCUSDT"),
                OutgoingMessage.to(user, "other news").superseding("news")));

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("risk 12%\n\nother news");
        assertThat(statuses(ids).get(0)).isEqualTo(Status.DROPPED);
    }

    @Test
    void moreUrgentMessages_goFirst() {
        long user = telegram.newUser();

        enqueue(List.of(
                withButton(OutgoingMessage.to(user, "low")).withPriority(OutgoingMessage.PRIORITY_LOW),
                withButton(OutgoingMessage.to(user, "critical")).withPriority(OutgoingMessage.PRIORITY_CRITICAL),
                withButton(OutgoingMessage.to(user, "normal"))));

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("critical");
        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("normal");
        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("low");
    }

    @Test
    void backlogOfOneChat_waitingForItsLimit_doesNotHideOtherChats() {
        long busy = telegram.newUser();
        long other = telegram.newUser();
        // More unmergeable urgent rows for one chat (1 message a second; replies are never merged, a user's
        // warnings would be) than the sender reads at once (500), and behind them, less urgent, one message for
        // another chat.
        List<OutgoingMessage> backlog = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            backlog.add(withButton(OutgoingMessage.to(busy, "backlog " + i)).withPriority(OutgoingMessage.PRIORITY_REPLY));
        }
        backlog.add(OutgoingMessage.to(other, "me too").withPriority(OutgoingMessage.PRIORITY_LOW));
        enqueue(backlog);

        assertThat(telegram.awaitReplyTo(other, Duration.ofSeconds(5)).text()).isEqualTo("me too");
        assertThat(telegram.awaitReplyTo(busy).text()).isEqualTo("backlog 0");
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxMessageEntity o"
                + " set o.status = :dropped where o.chatId = :chat and o.status = :pending")
                .setParameter("dropped", Status.DROPPED).setParameter("pending", Status.PENDING)
                .setParameter("chat", busy).executeUpdate()); // the remaining 10 minutes of backlog: not needed
    }

    @Test
    void longReply_isSplitOnLines_withTheButtonsOnTheLastPart() {
        long user = telegram.newUser();

        telegram.userSays(user, "/test_long 80");

        SentMessage first = telegram.awaitReplyTo(user);
        SentMessage second = telegram.awaitReplyTo(user);
        assertThat(first.text().length()).isLessThanOrEqualTo(4096);
        assertThat(second.text().length()).isLessThanOrEqualTo(4096);
        assertThat(first.text()).startsWith("<b>Long report</b>\n<pre>line 1 ").endsWith("</pre>");
        assertThat(second.text()).startsWith("<pre>line ").endsWith("end of report");
        assertThat(first.hasButtons()).isFalse();
        assertThat(second.buttonLabels()).containsExactly("Refresh");
        assertThat((first.plainText() + "\n" + second.plainText()).lines().filter(l -> l.startsWith("line ")))
                .hasSize(80);
    }

    @Test
    void silentMessagesInThreads_keepTheirOptions() {
        long group = telegram.newGroup();

        enqueue(List.of(OutgoingMessage.to(group, "quiet").silently().inThread(7).replyingTo(3)));

        SentMessage message = telegram.awaitReplyTo(group);
        assertThat(message.silent()).isTrue();
        assertThat(message.messageThreadId()).isEqualTo(7);
        assertThat(message.replyToMessageId()).isEqualTo(3);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private List<Long> enqueue(List<OutgoingMessage> messages) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            for (OutgoingMessage message : messages) {
                ids.addAll(outbox.enqueue(message));
            }
            return ids;
        });
    }

    private static OutgoingMessage withButton(OutgoingMessage message) {
        return message.withButtons(List.of(List.of(new Button("Details", "tst:details:0"))));
    }

    private List<Status> statuses(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> Optional.ofNullable(em.find(OutboxMessageEntity.class, id)).map(row -> row.status)
                        .orElse(null))
                .toList());
    }

    /** Largest number of timestamps inside any window [t, t + window). */
    private static int maxInWindow(List<Long> sortedNanos, long window) {
        List<Long> times = sortedNanos.stream().sorted().toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= window) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private static long minGap(List<Long> nanos) {
        List<Long> times = nanos.stream().sorted().toList();
        long min = Long.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) {
            min = Math.min(min, times.get(i) - times.get(i - 1));
        }
        return min;
    }
}
