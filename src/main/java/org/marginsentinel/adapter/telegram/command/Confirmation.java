package org.marginsentinel.adapter.telegram.command;

import java.util.Objects;

/**
 * A request to ask "are you sure?" before running the {@link ConfirmableAction} with
 * {@code actionKey}. The payload (at most 1,024 characters, plain text) is stored with the
 * question and handed to the action when the owner presses Confirm.
 */
public record Confirmation(String actionKey, String payload) {

    public static final int MAX_PAYLOAD_CHARS = 1024;

    public Confirmation {
        Objects.requireNonNull(actionKey, "actionKey");
        payload = payload == null ? "" : payload;
        if (actionKey.isBlank() || actionKey.length() > 64) {
            throw new IllegalArgumentException("actionKey must be 1 to 64 characters: " + actionKey);
        }
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload must be at most 1024 characters");
        }
    }
}
