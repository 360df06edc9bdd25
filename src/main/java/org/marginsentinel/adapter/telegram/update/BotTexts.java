package org.marginsentinel.adapter.telegram.update;

import org.marginsentinel.adapter.telegram.format.Html;

/** The dispatcher's own words to users. */
final class BotTexts {

    static final String GENERIC_FAILURE = "Something went wrong on our side; nothing was changed.";
    static final String NOT_A_COMMAND = "I only understand commands. Send /help to see them.";
    static final String NOT_YOUR_BUTTON = "This button is not yours.";
    static final String BUTTON_GONE = "This button no longer works.";
    static final String ALREADY_ANSWERED = "This question was already answered.";
    static final String EXPIRED_ANSWER = "This confirmation expired.";
    static final String EXPIRED_HTML = "⌛ This confirmation expired, so nothing was done. "
            + "Send the command again if you still want it.";
    static final String CANCELLED_ANSWER = "Cancelled.";
    static final String CANCELLED_HTML = "✖️ Cancelled. Nothing was changed.";
    static final String CONFIRMED_ANSWER = "Done.";
    static final String TOO_FAST = "🐢 That is more than I take at once, so I am skipping your commands for a few "
            + "seconds. Skipped commands change nothing; send what you still need again in a moment.";
    static final String CONFIRM_LABEL = "✅ Confirm";
    static final String CANCEL_LABEL = "✖️ Cancel";

    private BotTexts() {
    }

    static String argumentsTooLong(int length, int limit) {
        return "⚠️ That is too long for me (" + length + " characters after the command; the limit is " + limit
                + "). Send /help to see how the commands work.";
    }

    static String rejected(String message, String usage) {
        String html = "⚠️ " + Html.escape(message);
        return usage == null ? html : html + "\nUsage: " + Html.code(usage);
    }
}
