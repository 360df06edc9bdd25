package org.marginsentinel.application.risk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * What the watch remembers besides the index: the last announced alert state of every subject and every user's
 * alert preferences, as stored. Memory only: it follows the database after each commit, never leads it.
 */
final class WatchMemory {

    private final Map<String, AlertState> states = new ConcurrentHashMap<>();
    private final Map<Long, AlertPreferences> preferences = new ConcurrentHashMap<>();

    static String positionSubject(long positionId) {
        return "position:" + positionId;
    }

    static String crossSubject(long userId) {
        return "cross:" + userId;
    }

    void loadAll(Map<String, AlertState> storedStates, Map<Long, AlertPreferences> storedPreferences) {
        states.putAll(storedStates);
        preferences.putAll(storedPreferences);
    }

    void clear() {
        states.clear();
        preferences.clear();
    }

    AlertState state(String subject) {
        return states.getOrDefault(subject, AlertState.initial());
    }

    RiskLevel level(String subject) {
        AlertState state = states.get(subject);
        return state == null ? RiskLevel.SAFE : state.level();
    }

    void remember(String subject, AlertState state) {
        states.put(subject, state);
    }

    void forget(String subject) {
        states.remove(subject);
    }

    AlertPreferences preferences(long userId) {
        return preferences.getOrDefault(userId, AlertPreferences.DEFAULTS);
    }

    void setPreferences(long userId, AlertPreferences prefs) {
        preferences.put(userId, prefs);
    }

    void forEachPreferences(BiConsumer<Long, AlertPreferences> action) {
        preferences.forEach(action);
    }

    /** The held levels as the index needs them when it rebuilds a book (a held level is not announced again). */
    final RiskIndex.HeldLevels heldLevels = new RiskIndex.HeldLevels() {
        @Override
        public byte ofPosition(long positionId) {
            return (byte) level(positionSubject(positionId)).ordinal();
        }

        @Override
        public byte ofPool(long userId) {
            return (byte) level(crossSubject(userId)).ordinal();
        }
    };
}
