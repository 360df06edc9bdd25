package org.marginsentinel.domain.alert;

import java.util.Objects;

/**
 * Whether to notify the user about one subject now.
 *
 * @param send   true: send a message
 * @param level  the level the subject is judged at after this reading (hysteresis applied); when
 *               {@code send} is true, the level to announce
 * @param silent true: deliver with Telegram's {@code disable_notification} (only CRITICAL repeats are silent)
 * @param reason why, for logs and for wording the message
 */
public record AlertDecision(boolean send, RiskLevel level, boolean silent, Reason reason) {

    /** Why the policy decided as it did. */
    public enum Reason {
        /** Sent: the first level above SAFE. */
        ENTERED(true),
        /** Sent: worse than the level already announced. */
        ESCALATED(true),
        /** Sent silently: still CRITICAL, and the repeat interval has passed. */
        CRITICAL_REPEAT(true),
        /** Not sent: nothing changed. */
        UNCHANGED(false),
        /** Not sent: the reading is better than the held level but has not recovered clearly enough to leave it. */
        HELD_BY_HYSTERESIS(false),
        /** Not sent: clearly recovered to a lower level, which is recorded quietly. */
        DE_ESCALATED(false),
        /** Not sent: clearly back to SAFE; the next worsening is announced again. */
        RECOVERED(false),
        /** Not sent: the user turned alerts off (only liquidations pass). */
        SUPPRESSED_DISABLED(false),
        /** Not sent: snoozed (only CRITICAL and liquidations pass). */
        SUPPRESSED_SNOOZED(false),
        /** Not sent: quiet hours (only CRITICAL and liquidations pass). */
        SUPPRESSED_QUIET_HOURS(false),
        /** Not sent: the same level was sent less than the cooldown ago. */
        SUPPRESSED_COOLDOWN(false);

        private final boolean sends;

        Reason(boolean sends) {
            this.sends = sends;
        }

        public boolean sends() {
            return sends;
        }

        /** True for the reasons that held back an alert that would otherwise have gone out. */
        public boolean suppressed() {
            return name().startsWith("SUPPRESSED_");
        }
    }

    public AlertDecision {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        if (send != reason.sends()) {
            throw new IllegalArgumentException("reason " + reason + " does not fit send=" + send);
        }
        if (silent && !send) {
            throw new IllegalArgumentException("only a sent alert can be silent");
        }
    }

    static AlertDecision send(RiskLevel level, boolean silent, Reason reason) {
        return new AlertDecision(true, level, silent, reason);
    }

    static AlertDecision hold(RiskLevel level, Reason reason) {
        return new AlertDecision(false, level, false, reason);
    }
}
