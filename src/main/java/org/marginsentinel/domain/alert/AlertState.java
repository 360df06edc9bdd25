package org.marginsentinel.domain.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy remembers about one subject between readings. It records only what was actually sent:
 * a level that was suppressed (alerts off, snooze, quiet hours, cooldown) leaves the state as it was, so the
 * first evaluation after the suppression ends announces it if the subject is still there.
 *
 * @param level          the level the user has been told about, lowered (silently) as the metric clearly
 *                       recovers; SAFE when nothing is held
 * @param since          when the state took this level (by an announcement or a recovery); null only in the
 *                       initial state
 * @param lastWarningAt  when a WARNING was last sent; null if never. Kept across recoveries: it is what the
 *                       cooldown checks
 * @param lastDangerAt   when a DANGER was last sent; null if never
 * @param lastCriticalAt when a CRITICAL (first or repeat) was last sent; null if never
 */
public record AlertState(RiskLevel level, Instant since, Instant lastWarningAt, Instant lastDangerAt,
                         Instant lastCriticalAt) {

    private static final AlertState INITIAL = new AlertState(RiskLevel.SAFE, null, null, null, null);

    public AlertState {
        Objects.requireNonNull(level, "level");
        if (level != RiskLevel.SAFE && since == null) {
            throw new IllegalArgumentException("since is required for level " + level);
        }
    }

    /** A subject nothing has been said about. */
    public static AlertState initial() {
        return INITIAL;
    }

    /** When an alert of {@code sentLevel} was last sent; always empty for SAFE and LIQUIDATED (no cooldown). */
    public Optional<Instant> lastSentAt(RiskLevel sentLevel) {
        switch (sentLevel) {
            case WARNING:
                return Optional.ofNullable(lastWarningAt);
            case DANGER:
                return Optional.ofNullable(lastDangerAt);
            case CRITICAL:
                return Optional.ofNullable(lastCriticalAt);
            default:
                return Optional.empty();
        }
    }

    /** After announcing {@code announced} at {@code now}. */
    AlertState announced(RiskLevel announced, Instant now) {
        return new AlertState(announced, now,
                announced == RiskLevel.WARNING ? now : lastWarningAt,
                announced == RiskLevel.DANGER ? now : lastDangerAt,
                announced == RiskLevel.CRITICAL ? now : lastCriticalAt);
    }

    /** After a silent CRITICAL repeat at {@code now}: the level and its start stay. */
    AlertState reminded(Instant now) {
        return new AlertState(level, since, lastWarningAt, lastDangerAt, now);
    }

    /** After a clear recovery to {@code lower}; nothing is sent, the send times stay for the cooldown. */
    AlertState lowered(RiskLevel lower, Instant now) {
        return new AlertState(lower, now, lastWarningAt, lastDangerAt, lastCriticalAt);
    }
}
