package org.marginsentinel.adapter.telegram.delivery;

import java.util.Locale;

/**
 * How one Bot API call ended, as far as the {@link DeliveryFailurePolicy} cares: the HTTP status (0 when no answer
 * came: network error, timeout, connection lost) and Telegram's description, with the {@code retry_after} and
 * {@code migrate_to_chat_id} parameters when it sent them. Plain data, no SDK types.
 */
public record TelegramAnswer(int status, String description, Integer retryAfterSeconds, Long migrateToChatId) {

    public TelegramAnswer {
        description = description == null ? "" : description;
    }

    /** No answer at all: {@code what} says why (e.g. "SocketTimeoutException: timeout"). */
    public static TelegramAnswer noAnswer(String what) {
        return new TelegramAnswer(0, what, null, null);
    }

    /** An error answer without parameters. */
    public static TelegramAnswer error(int status, String description) {
        return new TelegramAnswer(status, description, null, null);
    }

    /** Does the description contain {@code fragment} (lower case; Telegram's MESSAGE_TOO_LONG spelling matches too)? */
    boolean says(String fragment) {
        return description.toLowerCase(Locale.ROOT).replace('_', ' ').contains(fragment);
    }

    /** For logs and {@code last_error}: "502 Bad Gateway", "no answer: …". */
    @Override
    public String toString() {
        return status == 0 ? "no answer: " + description : status + " " + description;
    }
}
