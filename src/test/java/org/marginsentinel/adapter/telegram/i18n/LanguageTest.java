package org.marginsentinel.adapter.telegram.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void telegramsCodes_pickRussianForRussianVariants_andEnglishForEverythingElse() {
        assertThat(Language.fromTelegram("ru")).isEqualTo(Language.RU);
        assertThat(Language.fromTelegram("ru-RU")).isEqualTo(Language.RU);
        assertThat(Language.fromTelegram("en-GB")).isEqualTo(Language.EN);
        assertThat(Language.fromTelegram("de")).isEqualTo(Language.EN);
        assertThat(Language.fromTelegram(null)).isEqualTo(Language.EN);
        assertThat(Language.fromTelegram("rus")).isEqualTo(Language.EN); // not a code Telegram sends
    }

    @Test
    void whatAUserTypes_afterLang_isReadByCodeOrName() {
        assertThat(Language.byCode("RU")).contains(Language.RU);
        assertThat(Language.byCode("Русский")).contains(Language.RU);
        assertThat(Language.byCode("russian")).contains(Language.RU);
        assertThat(Language.byCode("english")).contains(Language.EN);
        assertThat(Language.byCode("klingon")).isEmpty();
    }

    @Test
    void aTextMissingInATranslation_fallsBackToEnglish_notToTheServersLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ru"));
            assertThat(Texts.of(Language.EN).get("help.title")).isEqualTo("<b>Margin Sentinel commands</b>");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertThat(Texts.of(Language.RU).get("help.title")).isEqualTo("<b>Команды Margin Sentinel</b>");
    }

    @Test
    void placeholders_areFilledInOrder_andDoubledApostrophesPrintOnce() {
        assertThat(Texts.of(Language.EN).get("help.example", "<code>/price BTC</code>"))
                .isEqualTo("e.g. <code>/price BTC</code>");
    }
}
