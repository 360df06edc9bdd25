package org.marginsentinel.testsupport.fakes;

import java.util.HashMap;
import java.util.Map;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;

/** {@link AlertStore} in memory. */
public final class InMemoryAlertStore implements AlertStore {

    private final Map<Long, AlertPreferences> preferences = new HashMap<>();
    private final Map<String, AlertState> states = new HashMap<>();
    private final Map<String, Long> owners = new HashMap<>();
    private int reads;

    /** How many reads of preferences or states were made so far. */
    public int reads() {
        return reads;
    }

    @Override
    public Map<Long, AlertPreferences> allPreferences() {
        reads++;
        return Map.copyOf(preferences);
    }

    @Override
    public AlertPreferences preferences(long userId) {
        reads++;
        return preferences.getOrDefault(userId, AlertPreferences.DEFAULTS);
    }

    @Override
    public void savePreferences(long userId, AlertPreferences prefs) {
        preferences.put(userId, prefs);
    }

    @Override
    public Map<String, AlertState> allStates() {
        reads++;
        return Map.copyOf(states);
    }

    @Override
    public Map<String, AlertState> statesOf(long userId) {
        reads++;
        Map<String, AlertState> own = new HashMap<>();
        states.forEach((subject, state) -> {
            if (owners.get(subject) == userId) {
                own.put(subject, state);
            }
        });
        return own;
    }

    @Override
    public void saveState(String subject, long userId, AlertState state) {
        states.put(subject, state);
        owners.put(subject, userId);
    }

    @Override
    public void deleteState(String subject) {
        states.remove(subject);
        owners.remove(subject);
    }
}
