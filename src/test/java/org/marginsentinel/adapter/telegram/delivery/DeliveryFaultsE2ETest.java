package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity.Status;
import org.marginsentinel.testsupport.TestClock;

/** What happens to messages when Telegram fails for long, refuses a message, answers slowly, or may not write first. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class DeliveryFaultsE2ETest {

    private static final Instant START = Instant.parse("2033-03-01T00:00:00Z");
    private static final AtomicInteger TESTS_RUN = new AtomicInteger();

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @Inject
    ChatDirectory chats;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void restore() {
        telegram.outageEnds();
        telegram.releaseAnswers();
        clock.reset();
    }

    @Test
    void outageLongerThanTheBackOff_repliesArriveAfterIt_andOldWarningsBecomeOneNoticePerChat() {
        clock.freezeAt(START.plus(Duration.ofHours(3L * TESTS_RUN.getAndIncrement())));
        telegram.outage(502);
        List<Long> users = List.of(telegram.newUser(), telegram.newUser(), telegram.newUser(), telegram.newUser(),
                telegram.newUser());
        List<Long> ids = new ArrayList<>();
        for (long user : users) {
            ids.addAll(enqueue(OutgoingMessage.to(user, "reply for " + user).withPriority(OutgoingMessage.PRIORITY_REPLY)));
            ids.addAll(enqueue(OutgoingMessage.to(user, "DANGER for " + user).withPriority(OutgoingMessage.PRIORITY_DANGER)));
        }

        // 12 tries 5 minutes apart (an hour): more than the 10 attempts after which today's sender gave up
        for (int step = 0; step < 12; step++) {
            awaitEveryRowTriedUntilNow(ids);
            clock.advance(Duration.ofMinutes(5));
            sender.wake();
        }
        awaitEveryRowTriedUntilNow(ids);
        assertThat(statuses(ids)).as("nothing given up while Telegram is down; out-of-date warnings replaced")
                .containsOnly(Status.PENDING, Status.DROPPED).doesNotContain(Status.FAILED);

        telegram.outageEnds();
        clock.advance(Duration.ofMinutes(5));
        sender.wake();

        for (long user : users) {
            List<String> received = new ArrayList<>();
            received.add(telegram.awaitReplyTo(user, Duration.ofSeconds(10)).plainText());
            received.add(telegram.awaitReplyTo(user, Duration.ofSeconds(10)).plainText());
            assertThat(received).as("chat %d", user).anyMatch(text -> text.equals("reply for " + user));
            assertThat(received).as("chat %d", user).anyMatch(text -> text.contains("Risk warnings were held back")
                    && text.contains("while Telegram was unreachable") && text.contains("/risk"));
            assertThat(received).noneMatch(text -> text.contains("DANGER"));
        }
        telegram.assertNoReplyTo(users.get(0), Duration.ofMillis(500)); // one notice, not one per try
        Eventually.until("every row settled", () -> !statuses(ids).contains(Status.PENDING));
        assertThat(statuses(ids)).containsOnly(Status.SENT, Status.DROPPED);
    }

    @Test
    void warningsOfOneOutageGettingOutOfDateAMomentApart_bringOneNoticeNotTwo() {
        clock.freezeAt(START.plus(Duration.ofHours(3L * TESTS_RUN.getAndIncrement())));
        long user = telegram.newUser();
        telegram.outage(502);
        List<Long> first = enqueue(OutgoingMessage.to(user, "DANGER one for " + user)
                .withPriority(OutgoingMessage.PRIORITY_DANGER));
        awaitEveryRowTriedUntilNow(first);
        clock.advance(Duration.ofMinutes(2));
        List<Long> second = enqueue(OutgoingMessage.to(user, "DANGER two for " + user)
                .withPriority(OutgoingMessage.PRIORITY_DANGER).superseding("other-position"));
        List<Long> both = new ArrayList<>(first);
        both.addAll(second);
        for (int minute = 2; minute < 11; minute++) {
            awaitEveryRowTriedUntilNow(both);
            clock.advance(Duration.ofMinutes(1));
            sender.wake();
        }
        awaitEveryRowTriedUntilNow(both);

        // Telegram is back (another chat's reply goes out and releases the waiting rows): the first warning is
        // 11 minutes old and replaced by the notice; the second, 9 minutes old, and the notice fail once more.
        long failedDuringTheOutage = failedSends(user);
        telegram.outageEnds();
        telegram.failNext(user, 2, 502);
        long other = telegram.newUser();
        enqueue(OutgoingMessage.to(other, "reply for " + other).withPriority(OutgoingMessage.PRIORITY_REPLY));
        assertThat(telegram.awaitReplyTo(other, Duration.ofSeconds(10)).plainText()).isEqualTo("reply for " + other);
        Eventually.until("both failures used", () -> failedSends(user) >= failedDuringTheOutage + 2);
        // Two minutes on, the notice goes out, and the second warning, now 11 minutes old, is out of date too.
        clock.advance(Duration.ofMinutes(2));
        sender.wake();
        assertThat(telegram.awaitReplyContaining(user, "were held back").plainText()).contains("/risk");
        Eventually.until("the second warning settled", () -> !statuses(second).contains(Status.PENDING));
        assertThat(statuses(first)).containsOnly(Status.DROPPED);
        // Usually dropped as out of date; sent when a success released it before the clock moved on (a race the
        // test does not control). Either way the chat gets the notice once.
        assertThat(statuses(second)).containsAnyOf(Status.DROPPED, Status.SENT);
        telegram.assertNoReplyTo(user, Duration.ofMillis(500));
        assertThat(telegram.sentTo(user)).extracting(SentMessage::plainText)
                .filteredOn(text -> text.contains("were held back")).hasSize(1);
    }

    @Test
    void refusedMarkup_isSentOnceMoreAsPlainText() {
        long user = telegram.newUser();
        telegram.refuseNext(user, 1, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3");

        List<Long> ids = enqueue(OutgoingMessage.to(user, "<b>DANGER</b> margin &lt; 5% &amp; falling")
                .withPriority(OutgoingMessage.PRIORITY_DANGER));

        SentMessage sent = telegram.awaitReplyTo(user);
        assertThat(sent.text()).isEqualTo("DANGER margin < 5% & falling");
        assertThat(sent.parseMode()).isNull();
        assertThat(telegram.callsTo(user)).extracting(RecordedCall::status).containsExactly(400, 200);
        Eventually.until("row sent", () -> statuses(ids).equals(List.of(Status.SENT)));
    }

    @Test
    void refusedEvenAsPlainText_isGivenUp_reportedInTheMetrics() {
        long user = telegram.newUser();
        telegram.refuseNext(user, 2, "Bad Request: BUTTON_DATA_INVALID");
        double before = undelivered("refused");

        List<Long> ids = enqueue(OutgoingMessage.to(user, "a reply").withPriority(OutgoingMessage.PRIORITY_REPLY));

        Eventually.until("row failed", () -> statuses(ids).equals(List.of(Status.FAILED)));
        assertThat(telegram.callsTo(user)).extracting(RecordedCall::status).containsExactly(400, 400);
        assertThat(undelivered("refused")).isEqualTo(before + 1);
    }

    @Test
    void tooLongForTelegram_isSplitIntoShorterMessages() {
        long user = telegram.newUser();
        telegram.refuseNext(user, 1, "Bad Request: message is too long");
        StringBuilder html = new StringBuilder();
        for (int line = 0; line < 60; line++) {
            html.append("line ").append(line).append(" of a long report\n");
        }
        String text = html.toString().strip();

        enqueue(OutgoingMessage.to(user, text).withPriority(OutgoingMessage.PRIORITY_REPLY));

        Eventually.until("every line delivered", () -> joined(telegram.sentTo(user)).equals(text));
        List<SentMessage> parts = telegram.sentTo(user);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(part -> assertThat(part.text().length()).isLessThanOrEqualTo(text.length() / 2 + 1));
        assertThat(parts.get(0).text()).startsWith("line 0 of");
    }

    @Test
    void slowAnswers_doNotCapTheSendsInFlight() {
        telegram.holdAnswers();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(telegram.newUser());
        }
        for (long user : users) {
            enqueue(OutgoingMessage.to(user, "slow " + user));
        }

        Eventually.until("ten sends waiting for their answers at once (not four)", Duration.ofSeconds(10),
                () -> telegram.answersWaiting() >= 10);
        telegram.releaseAnswers();
        for (long user : users) {
            assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("slow " + user);
        }
    }

    @Test
    void warningForAChatNeverOpened_isHeldWithoutA403Loop_andArrivesWhenTheUserWrites() {
        long user = telegram.newUser();
        telegram.userNeverStartedBot(user);

        enqueue(OutgoingMessage.to(user, "WARNING first").withPriority(OutgoingMessage.PRIORITY_WARNING));
        telegram.awaitCalls(call -> call.chatId() != null && call.chatId() == user && call.status() == 403, 1,
                Duration.ofSeconds(5));
        // the sender records the answer just after the fake sent it (a warning queued in between is tried once)
        Eventually.until("the chat recorded as not opened yet",
                () -> chats.reach(user).equals(Optional.of(ChatDirectory.Reach.UNOPENED)));
        List<Long> second = enqueue(OutgoingMessage.to(user, "DANGER second").withPriority(OutgoingMessage.PRIORITY_DANGER));
        assertThat(second).as("kept, not refused").hasSize(1);
        telegram.assertNoReplyTo(user, Duration.ofMillis(1_500));
        assertThat(telegram.callsTo(user)).as("one 403, then nothing is sent into it").hasSize(1);

        telegram.userSays(user, "/start");

        assertThat(telegram.awaitReplyTo(user).plainText()).as("the answer to /start comes first").contains("Welcome")
                .doesNotContain("WARNING", "DANGER");
        Eventually.until("both warnings delivered", () -> joined(telegram.sentTo(user)).contains("WARNING first")
                && joined(telegram.sentTo(user)).contains("DANGER second"));
        assertThat(telegram.callsTo(user)).extracting(RecordedCall::status).filteredOn(status -> status == 403)
                .hasSize(1);
    }

    private void awaitEveryRowTriedUntilNow(List<Long> ids) {
        Instant now = clock.instant();
        Eventually.until("every pending row tried and due later than " + now, Duration.ofSeconds(15),
                () -> QuarkusTransaction.requiringNew().call(() -> ids.stream()
                        .map(id -> em.find(OutboxMessageEntity.class, id))
                        .allMatch(row -> row.status != Status.PENDING || row.notBefore.isAfter(now))));
    }

    private long failedSends(long chat) {
        return telegram.callsTo(chat).stream().filter(call -> call.status() == 502).count();
    }

    private static String joined(List<SentMessage> messages) {
        return String.join("\n", messages.stream().map(SentMessage::text).toList());
    }

    private double undelivered(String reason) {
        Counter counter = registry.find("sentinel.telegram.messages.undelivered").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<Long> enqueue(OutgoingMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(message));
    }

    private List<Status> statuses(List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> Optional.ofNullable(em.find(OutboxMessageEntity.class, id)).map(row -> row.status)
                        .orElse(null))
                .toList());
    }
}
