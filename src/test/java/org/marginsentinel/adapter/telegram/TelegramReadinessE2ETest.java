package org.marginsentinel.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.testsupport.Readiness;

/** The "Telegram" readiness check follows the real long poll against the fake Bot API. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class TelegramReadinessE2ETest {

    private static final String CHECK = "Telegram";
    private static final Duration RECOVERY = Duration.ofSeconds(20);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    TelegramBot bot;

    @Test
    void polling_isUp_andRecordsTheLastGoodPoll() {
        long user = telegram.newUser();
        telegram.userSays(user, "/help");
        telegram.awaitReplyTo(user);

        Readiness ready = Readiness.now();
        assertThat(ready.statusOf(CHECK)).isEqualTo("UP");
        assertThat(ready.dataOf(CHECK)).containsEntry("mode", "polling").containsEntry("failedPollsInARow", 0)
                .containsKey("lastPollOkSecondsAgo");
    }

    @Test
    void getUpdatesFailingThreeTimesInARow_isDown_withTheError_andComesBack() {
        telegram.failNextPolls(3, 502);

        Eventually.until("Telegram readiness DOWN", RECOVERY, () -> "DOWN".equals(Readiness.now().statusOf(CHECK)));
        Readiness down = Readiness.now();
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(String.valueOf(down.dataOf(CHECK).get("lastPollError"))).contains("HTTP 502").contains("Bad Gateway");
        assertThat(String.valueOf(down.dataOf(CHECK).get("reason"))).startsWith("getUpdates failed 3 times in a row: ")
                .contains("HTTP 502");

        // The next poll is held open by the fake; an update ends it with a success.
        long user = telegram.newUser();
        telegram.userSays(user, "/help");
        assertThat(telegram.awaitReplyTo(user, RECOVERY).plainText()).isNotBlank();
        Eventually.until("Telegram readiness UP again", RECOVERY, () -> "UP".equals(Readiness.now().statusOf(CHECK)));
        assertThat(Readiness.now().dataOf(CHECK)).containsEntry("failedPollsInARow", 0);
    }

    @Test
    void stoppedBot_isDown_withTheReason_untilItStartsAgain() {
        bot.stop();
        try {
            Readiness down = Readiness.now();
            assertThat(down.statusOf(CHECK)).isEqualTo("DOWN");
            assertThat(down.dataOf(CHECK)).containsEntry("reason", "stopped");
        } finally {
            bot.start();
        }
        assertThat(Readiness.now().statusOf(CHECK)).isEqualTo("UP");
    }
}
