package org.marginsentinel.adapter.telegram.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.adapter.telegram.i18n.Language;

/**
 * Every user's language in memory, so that a storm of warnings (thousands a tick, each worded in its recipient's
 * language) reads no row per notice: the {@code user_language} table is read whole once, then kept current by the
 * writes as they commit. A user without a row speaks English.
 *
 * <p>A load that raced a committed write is not trusted (its rows may predate the write): the caller reads that
 * user's row instead. A rolled-back write leaves the table's state unknown for that user, so the next lookup loads
 * the table again. Plain Java, thread-safe.
 */
final class LanguageCache {

    private final Map<Long, Language> known = new ConcurrentHashMap<>();
    private long writes;
    private volatile boolean complete;

    /** The user's language if the table is in memory; empty when it must be (re)loaded first. */
    Optional<Language> get(long userId) {
        Language language = known.get(userId);
        if (language != null) {
            return Optional.of(language);
        }
        return complete ? Optional.of(Language.EN) : Optional.empty();
    }

    boolean complete() {
        return complete;
    }

    /** Taken before reading the table: {@link #loaded} accepts the rows only if no write committed since. */
    synchronized long stamp() {
        return writes;
    }

    /** The whole table as read after {@code stamp}; false (and nothing kept) when a write completed meanwhile. */
    synchronized boolean loaded(Map<Long, Language> rows, long stamp) {
        if (writes != stamp) {
            return false;
        }
        known.clear();
        known.putAll(rows);
        complete = true;
        return true;
    }

    /** A transaction that wrote the user's language ended: committed, it is the language; else unknown again. */
    synchronized void written(long userId, Language language, boolean committed) {
        writes++;
        if (committed) {
            known.put(userId, language);
        } else {
            known.remove(userId);
            complete = false;
        }
    }
}
