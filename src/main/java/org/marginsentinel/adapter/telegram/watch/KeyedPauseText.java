package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.KeyedAccount;

/**
 * Why polling of a keyed account stopped, in the reader's language (HTML): the bot's own reason from the watch bundle;
 * an exchange's reason with its status and code as given, its explanation worded in the reader's language.
 */
public final class KeyedPauseText {

    private KeyedPauseText() {
    }

    public static String of(String pausedReason, Texts texts) {
        return KeyedAccount.MASTER_KEY_MISSING.equals(pausedReason) ? texts.get("watch.paused.masterKeyMissing")
                : escape(SourceReasonText.of(pausedReason, texts));
    }
}
