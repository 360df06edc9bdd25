package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.AlreadyDelivered;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.ChatGone;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.GiveUp;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.HoldUntilChatOpened;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.MoveToChat;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.ResendAsPlainText;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.RetryLater;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.SendOneByOne;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.SlowDown;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.Split;
import org.marginsentinel.adapter.telegram.delivery.DeliveryDecision.WaitForTelegram;
import org.marginsentinel.adapter.telegram.delivery.DeliveryFailurePolicy.Freshness;

/** Every Telegram answer the sender meets, and what becomes of the message. */
class DeliveryFailurePolicyTest {

    private static final SendAttempt FIRST = SendAttempt.firstReply();
    private static final SendAttempt WARNING = FIRST.asWarning();

    private final DeliveryFailurePolicy policy = new DeliveryFailurePolicy();

    static Stream<Arguments> answers() {
        return Stream.of(
                // rate limits
                Arguments.of("429 with retry_after", new TelegramAnswer(429, "Too Many Requests: retry after 7", 7, null),
                        FIRST, new SlowDown(Duration.ofSeconds(7))),
                Arguments.of("429 without retry_after", TelegramAnswer.error(429, "Too Many Requests"),
                        FIRST, new SlowDown(Duration.ofSeconds(5))),
                Arguments.of("429 with retry_after 0", new TelegramAnswer(429, "Too Many Requests", 0, null),
                        FIRST, new SlowDown(Duration.ofSeconds(1))),
                Arguments.of("429 late in an outage is still not an attempt",
                        new TelegramAnswer(429, "Too Many Requests", 30, null), WARNING.afterFailures(12),
                        new SlowDown(Duration.ofSeconds(30))),
                // Telegram unreachable or broken: back-off, then wait for it
                Arguments.of("502 first", TelegramAnswer.error(502, "Bad Gateway"), FIRST,
                        new RetryLater(Duration.ofSeconds(2))),
                Arguments.of("500 third", TelegramAnswer.error(500, "Internal Server Error"), FIRST.afterFailures(2),
                        new RetryLater(Duration.ofSeconds(8))),
                Arguments.of("503 ninth: capped at 5 min", TelegramAnswer.error(503, "Service Unavailable"),
                        FIRST.afterFailures(8), new RetryLater(Duration.ofSeconds(300))),
                Arguments.of("network error", TelegramAnswer.noAnswer("ConnectException: Connection refused"),
                        FIRST.afterFailures(1), new RetryLater(Duration.ofSeconds(4))),
                Arguments.of("timeout", TelegramAnswer.noAnswer("SocketTimeoutException: timeout"),
                        WARNING.afterFailures(3), new RetryLater(Duration.ofSeconds(16))),
                Arguments.of("502 after the back-off: wait for Telegram", TelegramAnswer.error(502, "Bad Gateway"),
                        WARNING.afterFailures(9), new WaitForTelegram(Duration.ofMinutes(5))),
                Arguments.of("timeout long after: still waiting, never failed",
                        TelegramAnswer.noAnswer("SocketTimeoutException: timeout"), FIRST.afterFailures(40),
                        new WaitForTelegram(Duration.ofMinutes(5))),
                Arguments.of("401 (token revoked) fails every chat alike: keep the message",
                        TelegramAnswer.error(401, "Unauthorized"), FIRST, new RetryLater(Duration.ofSeconds(2))),
                Arguments.of("404 (bot deleted) likewise", TelegramAnswer.error(404, "Not Found"),
                        FIRST.afterFailures(9), new WaitForTelegram(Duration.ofMinutes(5))),
                // the chat
                Arguments.of("403 blocked", TelegramAnswer.error(403, "Forbidden: bot was blocked by the user"),
                        WARNING, new ChatGone()),
                Arguments.of("403 kicked", TelegramAnswer.error(403, "Forbidden: bot was kicked from the group chat"),
                        FIRST, new ChatGone()),
                Arguments.of("403 deactivated", TelegramAnswer.error(403, "Forbidden: user is deactivated"),
                        FIRST, new ChatGone()),
                Arguments.of("403 never opened",
                        TelegramAnswer.error(403, "Forbidden: bot can't initiate conversation with a user"),
                        WARNING, new HoldUntilChatOpened()),
                Arguments.of("400 chat not found", TelegramAnswer.error(400, "Bad Request: chat not found"),
                        WARNING, new ChatGone()),
                Arguments.of("400 migrated to a supergroup",
                        new TelegramAnswer(400, "Bad Request: group chat was upgraded to a supergroup chat", null,
                                -1001234L), FIRST, new MoveToChat(-1001234L)),
                // the message
                Arguments.of("400 can't parse entities",
                        TelegramAnswer.error(400, "Bad Request: can't parse entities: Unsupported start tag \"x\""),
                        WARNING, new ResendAsPlainText()),
                Arguments.of("400 can't parse entities, already plain",
                        TelegramAnswer.error(400, "Bad Request: can't parse entities"), WARNING.asPlainText(),
                        new GiveUp("refused even as plain text: 400 Bad Request: can't parse entities")),
                Arguments.of("400 merged message: row by row",
                        TelegramAnswer.error(400, "Bad Request: can't parse entities"), WARNING.merged(3),
                        new SendOneByOne()),
                Arguments.of("400 message is too long", TelegramAnswer.error(400, "Bad Request: message is too long"),
                        FIRST, new Split()),
                Arguments.of("400 merged and too long: row by row",
                        TelegramAnswer.error(400, "Bad Request: message is too long"), WARNING.merged(2),
                        new SendOneByOne()),
                Arguments.of("400 edit too long", TelegramAnswer.error(400, "Bad Request: MESSAGE_TOO_LONG"),
                        FIRST.asEdit(), new GiveUp("too long to send: 400 Bad Request: MESSAGE_TOO_LONG")),
                Arguments.of("400 caption too long", TelegramAnswer.error(400, "Bad Request: message caption is too long"),
                        FIRST.asPhoto(),
                        new GiveUp("too long to send: 400 Bad Request: message caption is too long")),
                Arguments.of("400 edit not modified",
                        TelegramAnswer.error(400, "Bad Request: message is not modified: specified new message content"),
                        FIRST.asEdit(), new AlreadyDelivered()),
                Arguments.of("400 edit target gone", TelegramAnswer.error(400, "Bad Request: message to edit not found"),
                        FIRST.asEdit(),
                        new GiveUp("the message to edit is gone: 400 Bad Request: message to edit not found")),
                Arguments.of("400 anything else: plain text once",
                        TelegramAnswer.error(400, "Bad Request: BUTTON_DATA_INVALID"), FIRST, new ResendAsPlainText()),
                Arguments.of("400 anything else, already plain: give up",
                        TelegramAnswer.error(400, "Bad Request: BUTTON_DATA_INVALID"), FIRST.asPlainText(),
                        new GiveUp("refused even as plain text: 400 Bad Request: BUTTON_DATA_INVALID")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void decide(String answerName, TelegramAnswer answer, SendAttempt attempt, DeliveryDecision expected) {
        assertThat(policy.decide(answer, attempt)).isEqualTo(expected);
    }

    @Test
    void backOff_doublesFromTwoSeconds_upToFiveMinutes() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(DeliveryFailurePolicy::backOff)
                .map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
        assertThat(DeliveryFailurePolicy.backOff(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    static Stream<Arguments> ages() {
        return Stream.of(
                Arguments.of("never failed, an hour in the queue", true, 0, Duration.ofHours(1), Freshness.SEND),
                Arguments.of("failed warning, 9 min", true, 5, Duration.ofMinutes(9), Freshness.SEND),
                Arguments.of("failed warning, 11 min", true, 5, Duration.ofMinutes(11), Freshness.REPLACE_WITH_NOTICE),
                Arguments.of("failed reply, 11 min", false, 12, Duration.ofMinutes(11), Freshness.SEND),
                Arguments.of("failed reply, 23 h", false, 30, Duration.ofHours(23), Freshness.SEND),
                Arguments.of("failed reply, 25 h", false, 30, Duration.ofHours(25), Freshness.GIVE_UP),
                Arguments.of("failed warning, 25 h", true, 30, Duration.ofHours(25), Freshness.GIVE_UP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ages")
    void freshness(String name, boolean warning, int failedBefore, Duration age, Freshness expected) {
        assertThat(policy.freshness(warning, failedBefore, age)).isEqualTo(expected);
    }

    @Test
    void warnings_areTheProactiveLevels_notRepliesBoardsOrEdits() {
        assertThat(DeliveryFailurePolicy.isWarning(OutgoingMessage.PRIORITY_CRITICAL, false)).isTrue();
        assertThat(DeliveryFailurePolicy.isWarning(OutgoingMessage.PRIORITY_DANGER, false)).isTrue();
        assertThat(DeliveryFailurePolicy.isWarning(OutgoingMessage.PRIORITY_WARNING, false)).isTrue();
        assertThat(DeliveryFailurePolicy.isWarning(OutgoingMessage.PRIORITY_WARNING, true)).isFalse();
        assertThat(DeliveryFailurePolicy.isWarning(OutgoingMessage.PRIORITY_REPLY, false)).isFalse();
        assertThat(DeliveryFailurePolicy.isWarning(OutgoingMessage.PRIORITY_NORMAL, false)).isFalse();
    }
}
