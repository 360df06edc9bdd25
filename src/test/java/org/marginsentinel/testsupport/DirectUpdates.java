package org.marginsentinel.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.marginsentinel.adapter.telegram.update.ReceivedUpdate;

/**
 * Telegram updates built in the test, for handing straight to the update handler (as a
 * webhook or a worker thread would) when the fake Bot API's long poll is not the point of the test.
 * Update ids come from a range the fake Bot API never uses.
 */
public final class DirectUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UPDATE_IDS =
            new AtomicInteger(1_500_000_000 + ThreadLocalRandom.current().nextInt(100_000_000));
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1_000);

    private DirectUpdates() {
    }

    /** A text message from {@code userId} in its private chat. */
    public static ReceivedUpdate privateMessage(long userId, String text) {
        return message(userId, userId, text);
    }

    /** A text message from {@code userId} in chat {@code chatId} (negative: a group). */
    public static ReceivedUpdate message(long userId, long chatId, String text) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", UPDATE_IDS.incrementAndGet());
        ObjectNode message = update.putObject("message");
        message.put("message_id", MESSAGE_IDS.incrementAndGet());
        message.put("date", Instant.now().getEpochSecond());
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "User")
                .put("last_name", String.valueOf(userId));
        ObjectNode chat = message.putObject("chat").put("id", chatId);
        if (chatId > 0) {
            chat.put("type", "private").put("first_name", "User");
        } else {
            chat.put("type", "group").put("title", "Group " + chatId);
        }
        message.put("text", text);
        try {
            return ReceivedUpdate.of(update);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
