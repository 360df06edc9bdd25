package org.marginsentinel.adapter.telegram.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;

/**
 * The {@code user_language} table, held in memory ({@link LanguageCache}): warnings are worded in each recipient's
 * language, and a storm of them must not read a row per notice.
 */
@ApplicationScoped
public class UserLanguageDirectory implements UserLanguages {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The transaction resource holding the languages this transaction wrote. */
    private static final Object WRITTEN = UserLanguageDirectory.class.getName() + ".written";

    private final LanguageCache cache = new LanguageCache();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Language of(long userId) {
        Language writtenNow = writtenInThisTransaction().get(userId);
        if (writtenNow != null) {
            return writtenNow; // not committed yet, so not in the cache
        }
        return cache.get(userId).or(() -> {
            loadAll();
            return cache.get(userId);
        }).orElseGet(() -> {
            UserLanguageEntity row = em.find(UserLanguageEntity.class, userId); // the load raced a write
            return row == null ? Language.EN : Language.fromTelegram(row.language);
        });
    }

    /** Reads the whole table into the cache (one query), unless a write completes meanwhile. */
    private void loadAll() {
        long stamp = cache.stamp();
        List<UserLanguageEntity> rows = em.createQuery("select u from UserLanguageEntity u", UserLanguageEntity.class)
                .getResultList();
        Map<Long, Language> languages = new HashMap<>();
        for (UserLanguageEntity row : rows) {
            languages.put(row.userId, Language.fromTelegram(row.language));
        }
        cache.loaded(languages, stamp);
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
            rememberWhenDone(userId, reported);
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
        rememberWhenDone(userId, language);
    }

    private void persist(long userId, Language language, boolean chosen, Instant now) {
        UserLanguageEntity row = new UserLanguageEntity();
        row.userId = userId;
        row.language = language.code();
        row.chosen = chosen;
        row.updatedAt = now;
        em.persist(row);
        rememberWhenDone(userId, language);
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Language> writtenInThisTransaction() {
        Object written = transactions.getResource(WRITTEN);
        return written == null ? Map.of() : (Map<Long, Language>) written;
    }

    /** The cache learns the write when its transaction ends: the language if it committed, else to read again. */
    private void rememberWhenDone(long userId, Language language) {
        Map<Long, Language> written = writtenInThisTransaction();
        if (written.isEmpty()) {
            transactions.putResource(WRITTEN, written = new HashMap<>());
        }
        written.put(userId, language);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.written(userId, language, status == Status.STATUS_COMMITTED);
            }
        });
    }
}
