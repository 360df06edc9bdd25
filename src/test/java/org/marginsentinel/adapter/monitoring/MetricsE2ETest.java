package org.marginsentinel.adapter.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.delivery.TelegramMetrics;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.testsupport.PrometheusScrape;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * /q/metrics moves with what the service does: a trader opens a position, the mark falls, a tick
 * finds the danger, the warning is queued, Telegram answers 429 once, and the warning is sent.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class MetricsE2ETest {

    @InjectConversation
    Conversation chat;

    @Inject
    TelegramMetrics telegramMetrics;

    private long trader;

    @BeforeEach
    void setUp() {
        chat.begin();
        marks("80000");
        trader = chat.newTrader();
    }

    private void marks(String btc) {
        chat.marks(Map.of("BTCUSDT", btc, "ETHUSDT", "2600"));
    }

    private String say(String text) {
        return chat.say(trader, text);
    }

    @Test
    void aWarningFromTickToTelegram_movesEveryCounter() {
        PrometheusScrape before = PrometheusScrape.now();
        say("/long BTC 0.1 5x @80000");
        PrometheusScrape opened = PrometheusScrape.now();
        assertThat(opened.value("sentinel_users_watched")).isEqualTo(before.value("sentinel_users_watched") + 1);
        assertThat(opened.value("sentinel_positions_watched"))
                .isEqualTo(before.value("sentinel_positions_watched") + 1);

        chat.telegram().rateLimitNext(trader, 1, 1);
        long polledBy = System.nanoTime();
        marks("71000"); // 9.5% from the liquidation price: WARNING
        assertThat(chat.awaitNotice(trader, "WARNING")).contains("#1 BTCUSDT LONG");

        String warning = "kind=\"warning\"";
        Eventually.until("the sent counter counted the warning", Duration.ofSeconds(5), () ->
                PrometheusScrape.now().value("sentinel_telegram_messages_sent_total", warning)
                        >= before.value("sentinel_telegram_messages_sent_total", warning) + 1);
        PrometheusScrape after = PrometheusScrape.now();
        assertThat(after.value("sentinel_risk_ticks_total")).isGreaterThanOrEqualTo(
                before.value("sentinel_risk_ticks_total") + 1);
        assertThat(after.value("sentinel_risk_evaluation_seconds_count")).isGreaterThanOrEqualTo(
                before.value("sentinel_risk_evaluation_seconds_count") + 1);
        assertThat(after.value("sentinel_risk_evaluation_seconds_bucket", "le=\"+Inf\"")).as("histogram published")
                .isGreaterThanOrEqualTo(after.value("sentinel_risk_evaluation_seconds_count"));
        assertThat(after.value("sentinel_risk_warnings_total")).isGreaterThanOrEqualTo(
                before.value("sentinel_risk_warnings_total") + 1);
        assertThat(after.value("sentinel_telegram_messages_queued_total", warning)).isGreaterThanOrEqualTo(
                before.value("sentinel_telegram_messages_queued_total", warning) + 1);
        assertThat(after.value("sentinel_telegram_messages_queued_total", "kind=\"reply\"")).isGreaterThanOrEqualTo(
                before.value("sentinel_telegram_messages_queued_total", "kind=\"reply\"") + 1);
        assertThat(after.value("sentinel_telegram_rate_limited_total", "method=\"sendmessage\""))
                .isGreaterThanOrEqualTo(before.value("sentinel_telegram_rate_limited_total",
                        "method=\"sendmessage\"") + 1);
        assertThat(after.value("sentinel_telegram_updates_total", "source=\"polling\"")).isGreaterThanOrEqualTo(
                before.value("sentinel_telegram_updates_total", "source=\"polling\"") + 1);
        // the age of the mark polled above: no older than the time since that poll (measured here, not bounded)
        double sincePoll = (System.nanoTime() - polledBy) / 1e9;
        assertThat(after.value("sentinel_prices_age_seconds")).as("the feed's age follows the last poll")
                .isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(sincePoll + 1);
    }

    @Test
    void activeChats_countsUsersWhoHaveNotBlockedTheBot() {
        telegramMetrics.countActiveChats();
        double active = PrometheusScrape.now().value("sentinel_telegram_chats_active", "type=\"private\"");
        assertThat(active).isGreaterThanOrEqualTo(1); // at least this test's trader

        chat.telegram().userBlocksBot(trader);
        Eventually.until("the block is recorded", Duration.ofSeconds(5), () -> {
            telegramMetrics.countActiveChats();
            return PrometheusScrape.now().value("sentinel_telegram_chats_active", "type=\"private\"") == active - 1;
        });
    }
}
