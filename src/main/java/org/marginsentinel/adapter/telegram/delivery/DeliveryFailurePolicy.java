package org.marginsentinel.adapter.telegram.delivery;

import java.time.Duration;

/**
 * Decides what happens to a message after Telegram refused it or did not answer, and whether a message that failed
 * before is still worth sending. Pure: no I/O, no clock, no SDK types; the sender carries the decisions out.
 *
 * <ul>
 *   <li>429: wait {@code retry_after} (5 s when missing) for that chat; not a failed attempt.</li>
 *   <li>5xx, no answer (network error, timeout), 401/404 (a revoked token fails every chat alike) and anything
 *       unexpected: exponential back-off, 2 s, 4 s, … up to {@link #MAX_BACK_OFF}, then wait for Telegram (probe
 *       every {@link #MAX_BACK_OFF}, and everything goes out once a call succeeds again). Never given up on.</li>
 *   <li>403 "bot can't initiate conversation": hold until the user opens the private chat; any other 403 (blocked,
 *       kicked, deactivated) and 400 "chat not found": the chat is gone.</li>
 *   <li>400: {@code migrate_to_chat_id} moves the chat; "message is not modified" on an edit counts as delivered;
 *       a merged message is retried row by row; "too long" is split; anything else is sent once more as plain
 *       text, then given up on and reported.</li>
 * </ul>
 *
 * <p>Age: a warning that already failed and is older than {@link #WARNING_USEFUL_FOR} is replaced by a short notice
 * (its numbers are out of date); anything that failed and is older than {@link #KEPT_AT_MOST} is given up on.
 */
public final class DeliveryFailurePolicy {

    /** Failed attempts with a growing delay; after them the message waits for Telegram. */
    public static final int BACK_OFF_ATTEMPTS = 10;
    public static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    public static final Duration WARNING_USEFUL_FOR = Duration.ofMinutes(10);
    public static final Duration KEPT_AT_MOST = Duration.ofHours(24);
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** Below this a text cannot be split further (the chunker's minimum part is 16 characters). */
    static final int SHORTEST_SPLITTABLE = 32;

    /** What to do with a message that failed before, when it is due again. */
    public enum Freshness { SEND, REPLACE_WITH_NOTICE, GIVE_UP }

    /** The delay after failed attempt number {@code attempt} (1 = the first): 2 s, 4 s, 8 s, … capped at 5 min. */
    public static Duration backOff(int attempt) {
        long seconds = 1L << Math.max(1, Math.min(attempt, 20));
        return Duration.ofSeconds(Math.min(MAX_BACK_OFF.toSeconds(), seconds));
    }

    /** Proactive warnings (critical, danger, warning) lose their use with age; replies and boards do not. */
    public static boolean isWarning(int priority, boolean edit) {
        return !edit && (priority == OutgoingMessage.PRIORITY_FIRST_WARNING
                || priority == OutgoingMessage.PRIORITY_CRITICAL || priority == OutgoingMessage.PRIORITY_DANGER
                || priority == OutgoingMessage.PRIORITY_WARNING);
    }

    public DeliveryDecision decide(TelegramAnswer answer, SendAttempt attempt) {
        return switch (answer.status()) {
            case 429 -> new DeliveryDecision.SlowDown(answer.retryAfterSeconds() == null ? DEFAULT_RETRY_AFTER
                    : Duration.ofSeconds(Math.max(1, answer.retryAfterSeconds())));
            case 403 -> answer.says("can't initiate conversation") ? new DeliveryDecision.HoldUntilChatOpened()
                    : new DeliveryDecision.ChatGone();
            case 400 -> badRequest(answer, attempt);
            default -> keepTrying(attempt);
        };
    }

    /** Whether a message that failed {@code failedBefore} times and was queued {@code age} ago still goes out. */
    public Freshness freshness(boolean warning, int failedBefore, Duration age) {
        if (failedBefore == 0) {
            return Freshness.SEND; // only waiting for the rate limits: late, but never stale by our doing
        }
        if (age.compareTo(KEPT_AT_MOST) > 0) {
            return Freshness.GIVE_UP;
        }
        return warning && age.compareTo(WARNING_USEFUL_FOR) > 0 ? Freshness.REPLACE_WITH_NOTICE : Freshness.SEND;
    }

    private static DeliveryDecision keepTrying(SendAttempt attempt) {
        int attemptNumber = attempt.failedBefore() + 1;
        return attemptNumber >= BACK_OFF_ATTEMPTS ? new DeliveryDecision.WaitForTelegram(MAX_BACK_OFF)
                : new DeliveryDecision.RetryLater(backOff(attemptNumber));
    }

    private static DeliveryDecision badRequest(TelegramAnswer answer, SendAttempt attempt) {
        if (answer.migrateToChatId() != null) {
            return new DeliveryDecision.MoveToChat(answer.migrateToChatId());
        }
        if (attempt.edit() && answer.says("message is not modified")) {
            return new DeliveryDecision.AlreadyDelivered();
        }
        if (answer.says("chat not found")) {
            return new DeliveryDecision.ChatGone();
        }
        if (attempt.rows() > 1) {
            return new DeliveryDecision.SendOneByOne();
        }
        if (answer.says("message to delete not found") || answer.says("message can't be deleted")) {
            return new DeliveryDecision.GiveUp("the message cannot be deleted (gone, or not the bot's to delete): "
                    + answer);
        }
        if (attempt.edit() && (answer.says("message to edit not found") || answer.says("message can't be edited"))) {
            return new DeliveryDecision.GiveUp("the message to edit is gone: " + answer);
        }
        if (answer.says("too long")) {
            return attempt.edit() || attempt.photo() ? new DeliveryDecision.GiveUp("too long to send: " + answer)
                    : new DeliveryDecision.Split();
        }
        return attempt.plainText() ? new DeliveryDecision.GiveUp("refused even as plain text: " + answer)
                : new DeliveryDecision.ResendAsPlainText();
    }
}
