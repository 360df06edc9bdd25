package org.marginsentinel.adapter.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.QuietHours;
import org.marginsentinel.domain.alert.RiskThresholds;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PanacheAlertStore implements AlertStore {

    @Override
    public Map<Long, AlertPreferences> allPreferences() {
        Map<Long, AlertPreferences> all = new HashMap<>();
        AlertPreferencesEntity.<AlertPreferencesEntity>streamAll().forEach(e -> all.put(e.userId, toPreferences(e)));
        return all;
    }

    @Override
    public AlertPreferences preferences(long userId) {
        return AlertPreferencesEntity.<AlertPreferencesEntity>findByIdOptional(userId)
                .map(PanacheAlertStore::toPreferences).orElse(AlertPreferences.DEFAULTS);
    }

    @Override
    public void savePreferences(long userId, AlertPreferences preferences) {
        AlertPreferencesEntity entity = AlertPreferencesEntity.findById(userId);
        boolean isNew = entity == null;
        if (isNew) {
            entity = new AlertPreferencesEntity();
            entity.userId = userId;
        }
        RiskThresholds thresholds = preferences.thresholds();
        entity.enabled = preferences.enabled();
        entity.isolatedWarning = thresholds.isolatedWarning();
        entity.isolatedDanger = thresholds.isolatedDanger();
        entity.isolatedCritical = thresholds.isolatedCritical();
        entity.crossWarning = thresholds.crossWarning();
        entity.crossDanger = thresholds.crossDanger();
        entity.crossCritical = thresholds.crossCritical();
        entity.snoozedUntil = preferences.snoozedUntil();
        entity.quietStart = preferences.quietHoursIfSet().map(QuietHours::startHour).orElse(null);
        entity.quietEnd = preferences.quietHoursIfSet().map(QuietHours::endHour).orElse(null);
        entity.oddsThreshold = preferences.oddsThreshold();
        if (isNew) {
            entity.persist();
        }
    }

    @Override
    public Map<String, AlertState> allStates() {
        Map<String, AlertState> all = new HashMap<>();
        AlertStateEntity.<AlertStateEntity>streamAll().forEach(e -> all.put(e.subject, toState(e)));
        return all;
    }

    @Override
    public Map<String, AlertState> statesOf(long userId) {
        Map<String, AlertState> states = new HashMap<>();
        AlertStateEntity.<AlertStateEntity>stream("userId", userId).forEach(e -> states.put(e.subject, toState(e)));
        return states;
    }

    @Override
    public void saveState(String subject, long userId, AlertState state) {
        AlertStateEntity entity = AlertStateEntity.findById(subject);
        boolean isNew = entity == null;
        if (isNew) {
            entity = new AlertStateEntity();
            entity.subject = subject;
            entity.userId = userId;
        }
        entity.level = state.level();
        entity.since = state.since();
        entity.lastWarningAt = state.lastWarningAt();
        entity.lastDangerAt = state.lastDangerAt();
        entity.lastCriticalAt = state.lastCriticalAt();
        if (isNew) {
            entity.persist();
        }
    }

    @Override
    public void deleteState(String subject) {
        AlertStateEntity.deleteById(subject);
    }

    /** One statement per 500 subjects (a crash forgets thousands at once). */
    @Override
    public void deleteStates(Collection<String> subjects) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(subjects));
        for (int from = 0; from < all.size(); from += 500) {
            AlertStateEntity.delete("subject in ?1", all.subList(from, Math.min(all.size(), from + 500)));
        }
    }

    private static AlertPreferences toPreferences(AlertPreferencesEntity e) {
        RiskThresholds thresholds = new RiskThresholds(e.isolatedWarning, e.isolatedDanger, e.isolatedCritical,
                e.crossWarning, e.crossDanger, e.crossCritical);
        QuietHours quiet = e.quietStart == null || e.quietEnd == null ? null : QuietHours.of(e.quietStart, e.quietEnd);
        return new AlertPreferences(thresholds, e.enabled, e.snoozedUntil, quiet, e.oddsThreshold);
    }

    private static AlertState toState(AlertStateEntity e) {
        return new AlertState(e.level, e.since, e.lastWarningAt, e.lastDangerAt, e.lastCriticalAt);
    }
}
