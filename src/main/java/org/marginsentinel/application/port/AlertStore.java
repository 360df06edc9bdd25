package org.marginsentinel.application.port;

import java.util.Collection;
import java.util.Map;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;

/** Alert settings per user and the last announced state per watched subject. Joins the caller's transaction. */
public interface AlertStore {

    /** Every user's saved preferences; users without a row use {@link AlertPreferences#DEFAULTS}. */
    Map<Long, AlertPreferences> allPreferences();

    AlertPreferences preferences(long userId);

    void savePreferences(long userId, AlertPreferences preferences);

    /** Every saved subject state, keyed by subject ({@code position:<id>}, {@code cross:<user id>}). */
    Map<String, AlertState> allStates();

    /** One user's saved subject states (their positions' and their pool's), keyed by subject. */
    Map<String, AlertState> statesOf(long userId);

    void saveState(String subject, long userId, AlertState state);

    void deleteState(String subject);

    /** {@link #deleteState} for many subjects at once. */
    default void deleteStates(Collection<String> subjects) {
        subjects.forEach(this::deleteState);
    }
}
