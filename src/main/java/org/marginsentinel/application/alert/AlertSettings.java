package org.marginsentinel.application.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.AccountChanged;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.QuietHours;
import org.marginsentinel.domain.alert.RiskThresholds;

/** A user's warning settings: thresholds, on/off, snooze and quiet hours. */
@ApplicationScoped
public class AlertSettings {

    public static final Duration MAX_SNOOZE = Duration.ofHours(24);
    static final BigDecimal MIN_ODDS = new BigDecimal("0.001");
    static final BigDecimal MAX_ODDS = new BigDecimal("0.9");

    @Inject
    AlertStore store;

    @Inject
    Clock clock;

    @Inject
    Event<AccountChanged> changed;

    @Transactional
    public AlertPreferences current(long userId) {
        return store.preferences(userId);
    }

    @Transactional
    public AlertPreferences isolatedLevels(long userId, BigDecimal warning, BigDecimal danger, BigDecimal critical) {
        AlertPreferences current = store.preferences(userId);
        RiskThresholds t = current.thresholds();
        return save(userId, current.withThresholds(thresholds(warning, danger, critical, t.crossWarning(),
                t.crossDanger(), t.crossCritical(), "refusals.alerts.isolatedLevels.refused")));
    }

    @Transactional
    public AlertPreferences crossLevels(long userId, BigDecimal warning, BigDecimal danger, BigDecimal critical) {
        AlertPreferences current = store.preferences(userId);
        RiskThresholds t = current.thresholds();
        return save(userId, current.withThresholds(thresholds(t.isolatedWarning(), t.isolatedDanger(),
                t.isolatedCritical(), warning, danger, critical, "refusals.alerts.crossLevels.refused")));
    }

    @Transactional
    public AlertPreferences enabled(long userId, boolean enabled) {
        return save(userId, store.preferences(userId).withEnabled(enabled));
    }

    @Transactional
    public AlertPreferences snooze(long userId, Duration duration) {
        if (duration.isZero()) {
            return save(userId, store.preferences(userId).withSnoozedUntil(null));
        }
        if (duration.isNegative() || duration.compareTo(MAX_SNOOZE) > 0) {
            throw CommandRejected.text("snooze.range.refused");
        }
        return save(userId, store.preferences(userId).withSnoozedUntil(clock.instant().plus(duration)));
    }

    /**
     * Warn when an isolated position's odds of liquidation within 24 hours reach {@code probability} (a fraction);
     * null turns the odds trigger off.
     */
    @Transactional
    public AlertPreferences oddsAlert(long userId, BigDecimal probability) {
        if (probability != null && (probability.compareTo(MIN_ODDS) < 0 || probability.compareTo(MAX_ODDS) > 0)) {
            throw CommandRejected.text("refusals.alerts.odds.refused");
        }
        return save(userId, store.preferences(userId).withOddsThreshold(probability));
    }

    @Transactional
    public AlertPreferences quietHours(long userId, QuietHours quietHours) {
        return save(userId, store.preferences(userId).withQuietHours(quietHours));
    }

    private AlertPreferences save(long userId, AlertPreferences preferences) {
        store.savePreferences(userId, preferences);
        changed.fire(new AccountChanged(userId));
        return preferences;
    }

    private static RiskThresholds thresholds(BigDecimal iw, BigDecimal id, BigDecimal ic, BigDecimal cw,
                                             BigDecimal cd, BigDecimal cc, String refusalKey) {
        try {
            return new RiskThresholds(iw, id, ic, cw, cd, cc);
        } catch (IllegalArgumentException e) {
            throw CommandRejected.text(refusalKey);
        }
    }
}
