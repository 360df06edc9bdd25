package org.marginsentinel.adapter.telegram.i18n;

import java.time.Instant;

/** The language each user is answered in. Joins the caller's transaction. */
public interface UserLanguages {

    /** The user's language: the one they chose with /lang, else the one Telegram last reported, else English. */
    Language of(long userId);

    /**
     * Records the {@code language_code} Telegram sent with a user's update (null when it sent none) and returns the
     * language to answer in. A language the user chose stays chosen.
     */
    Language reported(long userId, String telegramLanguageCode, Instant now);

    /** The user picked a language with /lang. */
    void choose(long userId, Language language, Instant now);
}
