package org.marginsentinel.adapter.telegram.update;

import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * The dispatcher's own words to users: text keys of {@code i18n/refusals} ({@code bot.*}), worded in the user's
 * language. Keys ending in {@code .refused} or {@code Answer} are plain text (a button's answer); the rest HTML.
 */
final class BotTexts {

    static final String GENERIC_FAILURE = "bot.genericFailure.refused";
    static final String NOT_A_COMMAND = "bot.notACommand";
    static final String NOT_YOUR_BUTTON = "bot.notYourButton.refused";
    static final String BUTTON_GONE = "bot.buttonGone.refused";
    static final String ALREADY_ANSWERED = "bot.alreadyAnswered.refused";
    static final String EXPIRED_ANSWER = "bot.expiredAnswer";
    static final String EXPIRED_HTML = "bot.expired";
    static final String CANCELLED_ANSWER = "bot.cancelledAnswer";
    static final String CANCELLED_HTML = "bot.cancelled";
    static final String CONFIRMED_ANSWER = "bot.confirmedAnswer";
    static final String TOO_FAST = "bot.tooFast.refused";
    static final String CONFIRM_LABEL = "bot.confirmLabel";
    static final String CANCEL_LABEL = "bot.cancelLabel";

    private BotTexts() {
    }

    static String argumentsTooLong(Texts texts, int length, int limit) {
        return texts.get("bot.argumentsTooLong", texts.numbers().count(length), texts.numbers().count(limit));
    }

    static String rejected(Texts texts, String message, String usage) {
        String html = "⚠️ " + Html.escape(message);
        return usage == null ? html : html + "\n" + texts.get("bot.usage", Html.code(usage));
    }
}
