package org.marginsentinel.adapter.telegram.i18n;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Users' languages in memory, with the store's rule: a language picked with /lang outranks Telegram's code. */
public final class InMemoryUserLanguages implements UserLanguages {

    private final Map<Long, Language> languages = new HashMap<>();
    private final Set<Long> chosen = new HashSet<>();

    @Override
    public synchronized Language of(long userId) {
        return languages.getOrDefault(userId, Language.EN);
    }

    @Override
    public synchronized Language reported(long userId, String telegramLanguageCode, Instant now) {
        if (!chosen.contains(userId) && telegramLanguageCode != null) {
            languages.put(userId, Language.fromTelegram(telegramLanguageCode));
        }
        return of(userId);
    }

    @Override
    public synchronized void choose(long userId, Language language, Instant now) {
        languages.put(userId, language);
        chosen.add(userId);
    }
}
