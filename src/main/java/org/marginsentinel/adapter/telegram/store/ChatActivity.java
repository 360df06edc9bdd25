package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;
import java.util.Optional;

/** Which chats the bot may write to, as the update handling records it: the port of {@link ChatDirectory}. */
public interface ChatActivity {

    /** Records that the chat wrote to us: creates it or makes it active again. */
    void seen(long chatId, String chatType, String title, Instant now);

    /** Empty if the chat never wrote to us. */
    Optional<Boolean> isActive(long chatId);

    /** The bot was blocked or removed: stop writing to the chat. */
    void markInactive(long chatId, Instant now);
}
