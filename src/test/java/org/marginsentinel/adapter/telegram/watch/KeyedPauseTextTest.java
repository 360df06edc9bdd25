package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.KeyedAccount;

/** Why a keyed account is paused: the bot's own reason in the reader's language, an exchange's as given. */
class KeyedPauseTextTest {

    @Test
    void aMissingMasterKey_isWordedPerLanguage_englishAsBefore() {
        assertThat(KeyedPauseText.of(KeyedAccount.MASTER_KEY_MISSING, Texts.of(Language.EN)))
                .isEqualTo("the master key is missing, so its key cannot be opened");
        assertThat(KeyedPauseText.of(KeyedAccount.MASTER_KEY_MISSING, Texts.of(Language.RU)))
                .isEqualTo("у бота не задан мастер-ключ, поэтому ключ не расшифровать");
    }

    @Test
    void anExchangesReason_isShownAsGiven_escaped() {
        assertThat(KeyedPauseText.of("HTTP 401 (API key <rejected>)", Texts.of(Language.RU)))
                .isEqualTo("HTTP 401 (API key &lt;rejected&gt;)");
    }
}
