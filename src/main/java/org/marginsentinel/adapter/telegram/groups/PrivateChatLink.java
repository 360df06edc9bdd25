package org.marginsentinel.adapter.telegram.groups;

import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * Deep links that open the private chat with the bot ({@code https://t.me/<bot>?start=<payload>}): Telegram
 * shows a Start button, and pressing it sends {@code /start <payload>}, after which the bot may write first.
 */
public final class PrivateChatLink {

    /** Payload for "open the chat to receive warnings". */
    public static final String WARNINGS = "warnings";
    /** Payload for "open the chat to get personal answers". */
    public static final String PRIVATE = "private";

    private PrivateChatLink() {
    }

    public static String url(String botUsername, String payload) {
        return "https://t.me/" + botUsername + "?start=" + payload;
    }

    /** The button under a group reply that the bot could not send privately. */
    public static Button openPrivateChat(String botUsername, Texts texts) {
        return Button.link(texts.get("group.openPrivateChat"), url(botUsername, PRIVATE));
    }

    /** {@link #receiveWarnings(String)} labelled in the nudged members' language. */
    public static Button receiveWarnings(String botUsername, Texts texts) {
        return Button.link(texts.get("notice.nudge.button"), url(botUsername, WARNINGS));
    }

    /** The button under the one-time nudge for a member with warnings waiting. */
    public static Button receiveWarnings(String botUsername) {
        return Button.link("🔔 Get my warnings in private", url(botUsername, WARNINGS));
    }
}
