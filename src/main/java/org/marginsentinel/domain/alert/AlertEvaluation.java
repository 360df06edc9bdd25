package org.marginsentinel.domain.alert;

import java.util.Objects;

/** The policy's answer to one reading: what to do now, and the state to store for the next reading. */
public record AlertEvaluation(AlertDecision decision, AlertState nextState) {

    public AlertEvaluation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(nextState, "nextState");
    }
}
