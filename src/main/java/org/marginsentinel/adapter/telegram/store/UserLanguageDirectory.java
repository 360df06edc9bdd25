package org.marginsentinel.adapter.telegram.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;

/** The {@code user_language} table. */
@ApplicationScoped
public class UserLanguageDirectory implements UserLanguages {

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Language of(long userId) {
        UserLanguageEntity row = em.find(UserLanguageEntity.class, userId);
        return row == null ? Language.EN : Language.fromTelegram(row.language);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Language reported(long userId, String telegramLanguageCode, Instant now) {
        UserLanguageEntity row = em.find(UserLanguageEntity.class, userId);
        Language reported = Language.fromTelegram(telegramLanguageCode);
        if (row == null) {
            if (telegramLanguageCode == null) {
                return Language.EN; // nothing to remember yet
            }
            persist(userId, reported, false, now);
            return reported;
        }
        if (!row.chosen && telegramLanguageCode != null && !row.language.equals(reported.code())) {
            row.language = reported.code();
            row.updatedAt = now;
        }
        return Language.fromTelegram(row.language);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void choose(long userId, Language language, Instant now) {
        UserLanguageEntity row = em.find(UserLanguageEntity.class, userId);
        if (row == null) {
            persist(userId, language, true, now);
            return;
        }
        row.language = language.code();
        row.chosen = true;
        row.updatedAt = now;
    }

    private void persist(long userId, Language language, boolean chosen, Instant now) {
        UserLanguageEntity row = new UserLanguageEntity();
        row.userId = userId;
        row.language = language.code();
        row.chosen = chosen;
        row.updatedAt = now;
        em.persist(row);
    }
}
