package org.marginsentinel.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.marginsentinel.domain.alert.AlertDecision.Reason;

/**
 * Decides, reading by reading, what to tell a user about one subject (an isolated position or a cross pool).
 * Pure and stateless: the caller stores the returned {@link AlertState} and passes it back next time.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>The reading's level is computed with the user's thresholds and hysteresis against the held level
 *       ({@link RiskReading#level(RiskThresholds, RiskLevel)}).</li>
 *   <li>Worse than held: announced at once (ENTERED from SAFE, else ESCALATED), unless suppressed.
 *       LIQUIDATED is never suppressed. Otherwise: alerts off suppresses everything; a snooze or quiet hours
 *       suppress WARNING and DANGER; and no level is sent again within {@link #COOLDOWN} of its last send.
 *       A suppressed level is not recorded, so it is announced by the first evaluation after the
 *       suppression ends, if the subject is still there.</li>
 *   <li>Better than held (only possible after a clear recovery): the state is lowered silently; at SAFE the
 *       subject is re-armed, and the next worsening is announced again (cooldown permitting).</li>
 *   <li>Equal: nothing, except that a CRITICAL that is still measured CRITICAL is repeated silently every
 *       {@link #CRITICAL_REPEAT_INTERVAL} (also during a snooze or quiet hours, not when alerts are off).</li>
 * </ol>
 * Consequence checked by the tests: no level other than LIQUIDATED is ever sent twice within the cooldown.
 */
public final class AlertPolicy {

    /**
     * The same level is never sent twice within this time, even if the subject recovered to SAFE and worsened
     * again: a whipsawing market should not turn into a stream of identical warnings.
     */
    public static final Duration COOLDOWN = Duration.ofMinutes(10);

    /** A persisting CRITICAL is repeated (silently) this often; equal to the cooldown, so repeats respect it. */
    public static final Duration CRITICAL_REPEAT_INTERVAL = COOLDOWN;

    public AlertEvaluation evaluate(AlertState previous, RiskReading reading, AlertPreferences preferences,
                                    Instant now) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(now, "now");
        RiskThresholds thresholds = preferences.thresholds();
        RiskLevel held = previous.level();
        RiskLevel measured = reading.level(thresholds);
        RiskLevel level = reading.level(thresholds, held);

        if (level.isWorseThan(held)) {
            Reason blocked = suppression(level, preferences, previous, now);
            if (blocked != null) {
                return new AlertEvaluation(AlertDecision.hold(level, blocked), previous);
            }
            Reason reason = held == RiskLevel.SAFE ? Reason.ENTERED : Reason.ESCALATED;
            return new AlertEvaluation(AlertDecision.send(level, false, reason), previous.announced(level, now));
        }
        if (held.isWorseThan(level)) {
            Reason reason = level == RiskLevel.SAFE ? Reason.RECOVERED : Reason.DE_ESCALATED;
            return new AlertEvaluation(AlertDecision.hold(level, reason), previous.lowered(level, now));
        }
        if (level == RiskLevel.CRITICAL && measured == RiskLevel.CRITICAL && repeatDue(previous, now)) {
            if (!preferences.enabled()) {
                return new AlertEvaluation(AlertDecision.hold(level, Reason.SUPPRESSED_DISABLED), previous);
            }
            return new AlertEvaluation(AlertDecision.send(level, true, Reason.CRITICAL_REPEAT), previous.reminded(now));
        }
        Reason reason = measured == level ? Reason.UNCHANGED : Reason.HELD_BY_HYSTERESIS;
        return new AlertEvaluation(AlertDecision.hold(level, reason), previous);
    }

    /**
     * The state after the user's own order (open, add, margin change, partial close, deposit, withdrawal) whose
     * reply states the subject's level: "born safe". The subject is held at the level measured now, so it is warned
     * only when it gets worse than that. A worse level than held counts as announced by the reply (its cooldown and
     * the CRITICAL repeat start now); a better one lowers the held level silently, re-arming the warnings above it.
     */
    public AlertState afterOwnOrder(AlertState previous, RiskReading reading, RiskThresholds thresholds, Instant now) {
        Objects.requireNonNull(previous, "previous");
        RiskLevel measured = reading.level(thresholds);
        if (measured == RiskLevel.LIQUIDATED) {
            return previous; // the tick liquidates it; nothing to hold
        }
        if (measured.isWorseThan(previous.level())) {
            return previous.announced(measured, now);
        }
        if (previous.level().isWorseThan(measured)) {
            return previous.lowered(measured, now);
        }
        return previous;
    }

    /** Why announcing {@code level} now must wait, or null when it may go out. */
    private static Reason suppression(RiskLevel level, AlertPreferences preferences, AlertState previous,
                                      Instant now) {
        if (level == RiskLevel.LIQUIDATED) {
            return null;
        }
        if (!preferences.enabled()) {
            return Reason.SUPPRESSED_DISABLED;
        }
        if (level != RiskLevel.CRITICAL && preferences.snoozedAt(now)) {
            return Reason.SUPPRESSED_SNOOZED;
        }
        if (level != RiskLevel.CRITICAL && preferences.quietAt(now)) {
            return Reason.SUPPRESSED_QUIET_HOURS;
        }
        Optional<Instant> lastSent = previous.lastSentAt(level);
        if (lastSent.isPresent() && now.isBefore(lastSent.get().plus(COOLDOWN))) {
            return Reason.SUPPRESSED_COOLDOWN;
        }
        return null;
    }

    private static boolean repeatDue(AlertState previous, Instant now) {
        Instant last = previous.lastCriticalAt();
        return last == null || !now.isBefore(last.plus(CRITICAL_REPEAT_INTERVAL));
    }
}
