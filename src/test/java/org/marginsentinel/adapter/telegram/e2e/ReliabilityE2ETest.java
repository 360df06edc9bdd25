package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.persistence.FaultyDurability;
import org.marginsentinel.adapter.telegram.TelegramBot;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.HandledUpdates;

/** Updates are never lost, never applied twice, and one slow chat never stalls the others. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class ReliabilityE2ETest {

    private static final String GENERIC = "Something went wrong on our side; nothing was changed.";

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    TestCommands.Count counter;

    @Inject
    TestCommands.Slow slow;

    @Inject
    TelegramBot bot;

    @Inject
    HandledUpdates handledUpdates;

    @Inject
    ChatDirectory chats;

    @Inject
    Outbox outbox;

    @Test
    void flushRefusedBeforeSending_replyWaitsUntilItIsOnDisk_andGoesOutOnce() {
        long user = telegram.newUser();
        FaultyDurability.failNext(1, "telegram-outbox"); // the sender's next flush: the one after reading the reply
        List<FaultyDurability.Flush> sender;
        try {
            telegram.userSays(user, "/test_count flush-" + user);
            assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count flush-" + user + " = 1");
            sender = FaultyDurability.flushes().stream().filter(flush -> flush.thread().equals("telegram-outbox")).toList();
        } finally {
            FaultyDurability.disarm();
        }
        long sentAt = telegram.calls("sendmessage").stream().filter(call -> call.chatId() != null && call.chatId() == user)
                .mapToLong(RecordedCall::nanoTime).min().orElseThrow();
        assertThat(sender).as("the sender's flushes").isNotEmpty().first().matches(FaultyDurability.Flush::failed);
        assertThat(sender).as("a flush succeeded after the refused one and before the reply went out")
                .anyMatch(flush -> !flush.failed() && flush.nanoTime() > sender.get(0).nanoTime() && flush.nanoTime() < sentAt);
        assertThat(telegram.sentTo(user)).as("sent once").hasSize(1);
    }

    @Test
    void sameUpdateTwiceInOneBatch_isAppliedOnce() {
        long user = telegram.newUser();
        String key = "dup-" + user;

        long updateId = telegram.userSaysDeliveredTwice(user, "/test_count " + key);
        telegram.userSays(user, "/test_count after-" + user);

        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        assertThat(telegram.awaitReplyTo(user).plainText()).as("no second reply for the duplicate")
                .isEqualTo("count after-" + user + " = 1");
        assertThat(counter.count(key)).isEqualTo(1);
        assertThat(handledUpdates.isHandled(updateId)).isTrue();
    }

    @Test
    void updateReplayedAfterARestart_isAppliedOnce() {
        long user = telegram.newUser();
        String key = "replay-" + user;
        telegram.userSays(user, "/test_count " + key);
        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        long updateId = telegram.lastUpdateIdIn(user);

        // The bot dies before confirming the update; Telegram hands it out again to the next instance.
        bot.stop();
        try {
            telegram.redeliver(updateId);
        } finally {
            bot.start();
        }
        assertThat(bot.isRunning()).isTrue();
        telegram.userSays(user, "/test_count after-" + user);

        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count after-" + user + " = 1");
        assertThat(counter.count(key)).isEqualTo(1);
        long deliveries = telegram.calls("getupdates").stream()
                .filter(call -> call.succeeded() && call.params().path("offset").asLong() == 1).count();
        assertThat(deliveries).as("the new session started from offset 1").isGreaterThanOrEqualTo(1);
    }

    @Test
    void failingHandler_getsTheGenericReply_andLaterUpdatesStillWork() {
        long user = telegram.newUser();

        telegram.userSays(user, "/test_boom");
        telegram.userSays(user, "/test_count ok-" + user);

        SentMessage apology = telegram.awaitReplyTo(user);
        assertThat(apology.text()).isEqualTo(GENERIC);
        assertThat(apology.text()).doesNotContain("Exception").doesNotContain("kaboom");
        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count ok-" + user + " = 1");
        assertThat(handledUpdates.isHandled(telegram.lastUpdateIdIn(user) - 1)).isTrue();
    }

    @Test
    void rejectedCommand_repliesWithTheEscapedReasonAndUsage() {
        long user = telegram.newUser();

        telegram.userSays(user, "/test_reject -5");

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo(
                "⚠️ Size must be positive &amp; &lt;b&gt;not&lt;/b&gt; zero.\nUsage: <code>/test_reject &lt;size&gt;</code>");
    }

    @Test
    void slowHandler_inOneChat_doesNotDelayAnotherChat_butKeepsItsOwnChatInOrder() throws Exception {
        long slowUser = telegram.newUser();
        long quickUser = telegram.newUser();
        CountDownLatch gate = slow.arm();
        try {
            int entered = slow.enteredCount();
            telegram.userSays(slowUser, "/test_slow");
            Eventually.until("the slow handler started", () -> slow.enteredCount() > entered);
            telegram.userSays(slowUser, "/test_count queued-" + slowUser);

            telegram.userSays(quickUser, "/test_count quick-" + quickUser);

            assertThat(telegram.awaitReplyTo(quickUser).plainText()) // the slow one is held by a latch, not a timer
                    .isEqualTo("count quick-" + quickUser + " = 1");
            assertThat(telegram.sentTo(slowUser)).as("still blocked").isEmpty();
            assertThat(counter.count("queued-" + slowUser)).as("waits behind the slow update of its chat").isZero();
        } finally {
            gate.countDown();
        }
        assertThat(telegram.awaitReplyTo(slowUser).plainText()).isEqualTo("slow done");
        assertThat(telegram.awaitReplyTo(slowUser).plainText()).isEqualTo("count queued-" + slowUser + " = 1");
    }

    @Test
    void userBlockingTheBot_marksTheChatInactive_andAMessageMakesItActiveAgain() {
        long user = telegram.newUser();
        telegram.userSays(user, "/test_count b-" + user);
        telegram.awaitReplyTo(user);

        telegram.userBlocksBot(user);

        Eventually.until("chat " + user + " inactive", () -> chats.isActive(user).equals(java.util.Optional.of(false)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(OutgoingMessage.to(user, "warning"))))
                .as("nothing is queued for a chat that blocked us").isEmpty();

        telegram.unblock(user);
        telegram.userSays(user, "/test_count b2-" + user);
        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count b2-" + user + " = 1");
        assertThat(chats.isActive(user)).contains(true);
    }

    @Test
    void theTokenNeverAppearsInLogs_restartsFailuresAndBlockedChatsIncluded() {
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter().append(formatter.formatMessage(record));
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                lines.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            bot.stop();
            bot.start();
            long user = telegram.newUser();
            telegram.userSays(user, "/test_boom");
            assertThat(telegram.awaitReplyTo(user).text()).isEqualTo(GENERIC);
            telegram.blockBy(user);
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(OutgoingMessage.to(user, "blocked")));
            Eventually.until("chat inactive", () -> chats.isActive(user).equals(java.util.Optional.of(false)));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).anyMatch(line -> line.contains("Telegram bot @SentinelBot started"));
        assertThat(lines).anyMatch(line -> line.contains("kaboom"));
        assertThat(lines).noneMatch(line -> line.contains(FakeTelegram.TOKEN) || line.contains("fake-test-token"));
    }
}
