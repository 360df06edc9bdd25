package org.marginsentinel.adapter.telegram.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. English is the default for every language Telegram reports that is not here. */
public enum Language {
    EN("en", "English"), RU("ru", "Русский");

    private final String code;
    private final String nativeName;

    Language(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
    }

    /** The IETF code Telegram uses in {@code language_code} and {@code setMyCommands}: {@code "ru"}. */
    public String code() {
        return code;
    }

    /** The language's name in itself, for /lang: "Русский". */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language for Telegram's {@code language_code} ("ru", "en-US", null): English unless we speak it. */
    public static Language fromTelegram(String languageCode) {
        return byCode(languageCode).orElse(EN);
    }

    /** The language with this code or name as a user might type it ("ru", "RU", "русский", "english"). */
    public static Optional<Language> byCode(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (wanted.equals(language.code) || wanted.startsWith(language.code + "-")
                    || wanted.startsWith(language.code + "_")
                    || wanted.equals(language.nativeName.toLowerCase(Locale.ROOT))
                    || wanted.equals(language.locale().getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
