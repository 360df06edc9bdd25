package org.marginsentinel.adapter.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutboxSender;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;

/** Without a token (the default in tests) the service runs and the bot stays off. */
@QuarkusTest
class TelegramDisabledTest {

    @Inject
    TelegramBot bot;

    @Inject
    BotConnection connection;

    @Inject
    OutboxSender sender;

    @Inject
    Outbox outbox;

    @Test
    void withoutToken_theBotDoesNotStart() {
        assertThat(bot.isRunning()).isFalse();
        assertThat(connection.isConnected()).isFalse();
        assertThat(connection.botUsername()).isNull();
        assertThat(sender.isRunning()).isFalse();
    }

    @Test
    void withoutToken_otherCodeCanStillQueueMessages() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() ->
                outbox.enqueue(OutgoingMessage.to(424242, "kept until a bot runs")));

        assertThat(ids).hasSize(1);
    }

    @Test
    void withoutWebhookMode_theWebhookEndpointDoesNotExist() {
        given().header("X-Telegram-Bot-Api-Secret-Token", "anything").body("{\"update_id\": 1}")
                .when().post("/telegram/webhook").then().statusCode(404);
    }

    @Test
    void startWithoutToken_isANoOp() {
        bot.start();

        assertThat(bot.isRunning()).isFalse();
    }
}
