package org.marginsentinel.adapter.telegram.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram.WebhookDelivery;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramWebhookResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.adapter.telegram.store.HandledUpdates;
import org.marginsentinel.adapter.telegram.webhook.WebhookResource;
import org.marginsentinel.adapter.telegram.webhook.WebhookWatch;
import org.marginsentinel.testsupport.Readiness;

/**
 * Webhook mode end to end: the bot registers its URL and secret with setWebhook, the fake Bot API
 * POSTs each update to {@code /telegram/webhook}, and replies go out through the same outbox. The
 * endpoint refuses requests without the right secret and applies a repeated update once.
 */
@QuarkusTest
@WithTestResource(FakeTelegramWebhookResource.class)
class WebhookE2ETest {

    private static final String PATH = "/telegram/webhook";
    /** Update ids for hand-made updates, far from the fake's own. */
    private static final AtomicInteger OWN_UPDATE_IDS =
            new AtomicInteger(500_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    TestCommands.Count counter;

    @Inject
    HandledUpdates handledUpdates;

    @Inject
    WebhookWatch watch;

    @TestHTTPResource(PATH)
    URL webhook;

    @BeforeEach
    void routeTelegramsDeliveriesHere() {
        telegram.routeWebhookTo(webhook.toString());
    }

    @Test
    void atStart_theBotRegistersItsWebhookWithTheSecret_andNeverPolls() {
        RecordedCall set = telegram.calls("setwebhook").get(0);

        assertThat(set.params().path("url").asText()).isEqualTo(FakeTelegramWebhookResource.PUBLIC_URL);
        assertThat(set.params().path("secret_token").asText()).isEqualTo(FakeTelegramWebhookResource.SECRET);
        assertThat(set.params().path("allowed_updates").toString()).contains("message").contains("callback_query");
        assertThat(telegram.calls("getupdates")).isEmpty();
        Readiness ready = Readiness.now();
        assertThat(ready.statusOf("Telegram")).isEqualTo("UP");
        assertThat(ready.dataOf("Telegram")).containsEntry("mode", "webhook");
    }

    @Test
    void aMessage_comesInByWebhook_andIsAnswered() {
        long user = telegram.newUser();
        String key = "hook-" + user;

        telegram.userSays(user, "/test_count " + key);

        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        long updateId = telegram.lastUpdateIdIn(user);
        Eventually.until("the fake saw the 200", () ->
                telegram.webhookDeliveries().contains(new WebhookDelivery(updateId, 200)));
        assertThat(Readiness.now().dataOf("Telegram")).containsKey("lastUpdateSecondsAgo");
    }

    @Test
    void telegramCannotReachTheWebhook_readinessSaysSo_untilTheUpdatesGetThrough() {
        long user = telegram.newUser();
        String key = "unreachable-" + user;
        telegram.routeWebhookTo("http://127.0.0.1:9" + PATH); // nothing listens there: deliveries fail

        telegram.userSays(user, "/test_count " + key);
        Eventually.until("Telegram saw a failed delivery", () -> telegram.webhookDeliveries().stream()
                .anyMatch(delivery -> delivery.status() != 200));

        TelegramStatus.WebhookHealth failing = watch.check().orElseThrow();
        assertThat(failing.pendingUpdates()).isPositive();
        assertThat(failing.recentError()).isEqualTo("Connection refused");
        Readiness down = Readiness.now();
        assertThat(down.statusOf("Telegram")).isEqualTo("DOWN");
        assertThat(down.dataOf("Telegram")).containsEntry("reason", "Telegram cannot deliver to the webhook")
                .containsEntry("lastDeliveryError", "Connection refused");

        routeTelegramsDeliveriesHere();
        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        Eventually.until("nothing waits at Telegram", () -> watch.check().orElseThrow().pendingUpdates() == 0);
        assertThat(Readiness.now().statusOf("Telegram")).isEqualTo("UP");
    }

    @Test
    void anotherProcessTookTheWebhook_readinessIsDown_withWhereUpdatesGoNow() {
        telegram.webhookSetElsewhere("https://somewhere.else/hook");
        try {
            assertThat(watch.check().orElseThrow().urlAsConfigured()).isFalse();
            Readiness down = Readiness.now();
            assertThat(down.statusOf("Telegram")).isEqualTo("DOWN");
            assertThat(down.dataOf("Telegram")).containsEntry("reason",
                    "Telegram delivers to another URL: https://somewhere.else/hook");
        } finally {
            telegram.webhookSetElsewhere(FakeTelegramWebhookResource.PUBLIC_URL);
        }
        assertThat(watch.check().orElseThrow().urlAsConfigured()).isTrue();
        assertThat(Readiness.now().statusOf("Telegram")).isEqualTo("UP");
    }

    @Test
    void theSameUpdateDeliveredTwice_isAcceptedTwice_butAppliedOnce() {
        long user = telegram.newUser();
        String key = "twice-" + user;

        long updateId = telegram.userSaysDeliveredTwice(user, "/test_count " + key);
        telegram.userSays(user, "/test_count after-" + user);

        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        assertThat(telegram.awaitReplyTo(user).plainText()).as("no second reply for the repeat")
                .isEqualTo("count after-" + user + " = 1");
        assertThat(counter.count(key)).isEqualTo(1);
        Eventually.until("both deliveries answered 200", () -> telegram.webhookDeliveries().stream()
                .filter(d -> d.updateId() == updateId).toList()
                .equals(List.of(new WebhookDelivery(updateId, 200), new WebhookDelivery(updateId, 200))));
    }

    @Test
    void withoutTheSecret_401_withAWrongOne_403_andNothingIsApplied() {
        long user = telegram.newUser();
        String key = "locked-" + user;
        ObjectNode update = commandUpdate(user, "/test_count " + key);
        String sameLengthGuess = "x".repeat(FakeTelegramWebhookResource.SECRET.length());

        post(update, null).then().statusCode(401);
        post(update, "").then().statusCode(401);
        post(update, "wrong").then().statusCode(403);
        post(update, sameLengthGuess).then().statusCode(403);
        post(update, FakeTelegramWebhookResource.SECRET + "x").then().statusCode(403);

        assertThat(counter.count(key)).isZero();
        assertThat(handledUpdates.isHandled(update.path("update_id").asLong())).isFalse();
        telegram.assertNoReplyTo(user, java.time.Duration.ofMillis(300));

        post(update, FakeTelegramWebhookResource.SECRET).then().statusCode(200);
        assertThat(counter.count(key)).as("handled before the 200").isEqualTo(1);
        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        post(update, FakeTelegramWebhookResource.SECRET).then().statusCode(200);
        assertThat(counter.count(key)).as("Telegram's retry changes nothing").isEqualTo(1);
    }

    @Test
    void aBodyThatIsNoUpdate_isRefusedWith400() {
        given().header(WebhookResource.SECRET_HEADER, FakeTelegramWebhookResource.SECRET)
                .contentType(ContentType.JSON).body("{\"update_id\": \"not a number\"")
                .when().post(PATH).then().statusCode(400);
    }

    @Test
    void anUpdateWithoutUpdateId_isRefusedWith400_notDroppedAsADuplicateOfUpdateZero() {
        long user = telegram.newUser();
        String key = "no-id-" + user;
        ObjectNode update = commandUpdate(user, "/test_count " + key);
        update.remove("update_id");

        post(update, FakeTelegramWebhookResource.SECRET).then().statusCode(400);

        assertThat(counter.count(key)).isZero();
        assertThat(handledUpdates.isHandled(0)).as("nothing recorded as update 0").isFalse();
    }

    @Test
    void updateIdsBeyond2To31_areHandledOnceEach() {
        long user = telegram.newUser();
        String key = "big-id-" + user;
        ObjectNode update = commandUpdate(user, "/test_count " + key);
        long id = (1L << 32) + OWN_UPDATE_IDS.incrementAndGet(); // TelegramBots' Integer update id could not hold it
        update.put("update_id", id);

        post(update, FakeTelegramWebhookResource.SECRET).then().statusCode(200);
        post(update, FakeTelegramWebhookResource.SECRET).then().statusCode(200);

        assertThat(telegram.awaitReplyTo(user).plainText()).isEqualTo("count " + key + " = 1");
        assertThat(counter.count(key)).as("Telegram's retry changes nothing").isEqualTo(1);
        assertThat(handledUpdates.isHandled(id)).isTrue();
    }

    private static io.restassured.response.Response post(JsonNode update, String secret) {
        var request = given().contentType(ContentType.JSON).body(update.toString());
        if (secret != null) {
            request.header(WebhookResource.SECRET_HEADER, secret);
        }
        return request.when().post(PATH);
    }

    /** A private-chat command as Telegram would post it. */
    private static ObjectNode commandUpdate(long userId, String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode message = nodes.objectNode();
        message.put("message_id", 1);
        message.set("from", nodes.objectNode().put("id", userId).put("is_bot", false).put("first_name", "Hook"));
        message.set("chat", nodes.objectNode().put("id", userId).put("type", "private").put("first_name", "Hook"));
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                .put("length", text.indexOf(' ') < 0 ? text.length() : text.indexOf(' '));
        ObjectNode update = nodes.objectNode();
        update.put("update_id", OWN_UPDATE_IDS.incrementAndGet());
        update.set("message", message);
        return update;
    }
}
