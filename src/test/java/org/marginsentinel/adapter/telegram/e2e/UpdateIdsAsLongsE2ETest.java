package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.TelegramBot;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.store.HandledUpdates;

/**
 * Issue 18: Telegram's update ids pass 2³¹ (TelegramBots 10.x types them Integer, and its poller wedged there). The
 * long poll, the inbox, the handled-update store and a restart's redelivery carry them as longs.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class UpdateIdsAsLongsE2ETest {

    private static final long TWO_TO_31 = 1L << 31;
    private static final long TWO_TO_32 = 1L << 32;

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    TestCommands.Count counter;

    @Inject
    TelegramBot bot;

    @Inject
    HandledUpdates handledUpdates;

    @Test
    void idsCrossing2To31And2To32_everyMessageIsAnsweredOnce_andNoneAgainAfterARestart() {
        long user = telegram.newUser();
        List<Long> ids = new ArrayList<>();
        FakeTelegram.nextUpdateIdsFrom(TWO_TO_31 - 2);
        for (int i = 0; i < 5; i++) {   // 2^31 − 2 … 2^31 + 2
            telegram.userSays(user, "/test_count big-" + user + "-" + i);
            ids.add(telegram.lastUpdateIdIn(user));
        }
        FakeTelegram.nextUpdateIdsFrom(TWO_TO_32 - 1); // Telegram's ids may jump
        for (int i = 5; i < 8; i++) {   // 2^32 − 1 … 2^32 + 1
            telegram.userSays(user, "/test_count big-" + user + "-" + i);
            ids.add(telegram.lastUpdateIdIn(user));
        }
        assertThat(ids).contains(TWO_TO_31 - 2, TWO_TO_31 - 1, TWO_TO_31, TWO_TO_31 + 2, TWO_TO_32 - 1, TWO_TO_32,
                TWO_TO_32 + 1);

        for (int i = 0; i < 8; i++) {
            assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count big-" + user + "-" + i + " = 1");
        }
        telegram.awaitConfirmed(TWO_TO_32 + 1, Duration.ofSeconds(10)); // the offset went past 2^32 as a long
        assertThat(ids).allSatisfy(id -> assertThat(handledUpdates.isHandled(id)).as("update %d", id).isTrue());

        // The bot dies before Telegram forgot them; Telegram hands every one out again to the next instance.
        bot.stop();
        try {
            ids.forEach(telegram::redeliver);
        } finally {
            bot.start();
        }
        assertThat(bot.isRunning()).isTrue();
        telegram.userSays(user, "/test_count after-" + user);

        assertThat(telegram.awaitReplyTo(user).plainText()).as("the redelivered updates got no second answer")
                .isEqualTo("count after-" + user + " = 1");
        telegram.assertNoReplyTo(user, Duration.ofMillis(500));
        for (int i = 0; i < 8; i++) {
            assertThat(counter.count("big-" + user + "-" + i)).as("message %d applied once", i).isEqualTo(1);
        }
        assertThat(telegram.calls("getupdates")).as("polls asked for offsets beyond 2^32")
                .anyMatch(call -> call.succeeded() && call.params().path("offset").asLong() > TWO_TO_32 + 1);
    }
}
