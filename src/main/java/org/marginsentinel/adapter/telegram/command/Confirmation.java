package org.marginsentinel.adapter.telegram.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request to ask "are you sure?" before running the {@link ConfirmableAction} with
 * {@code actionKey}. The payload (at most 1,024 characters, plain text) is stored with the
 * question and handed to the action when the owner presses Confirm.
 *
 * <p>With {@link #choices}, the question offers one button per choice instead of Confirm (Cancel stays): the
 * action runs once, with the pressed choice's payload. The choices' payloads are stored together, one a line.
 */
public record Confirmation(String actionKey, String payload, List<Choice> choices) {

    public static final int MAX_PAYLOAD_CHARS = 1024;

    /** One button of a question with choices: its label and the payload the action gets when it is pressed. */
    public record Choice(String label, String payload) {
        public Choice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(payload, "payload");
            if (label.isBlank() || payload.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a choice needs a label and a payload of one line");
            }
        }
    }

    public Confirmation(String actionKey, String payload) {
        this(actionKey, payload, List.of());
    }

    public Confirmation {
        Objects.requireNonNull(actionKey, "actionKey");
        choices = choices == null ? List.of() : List.copyOf(choices);
        payload = choices.isEmpty() ? (payload == null ? "" : payload)
                : String.join("\n", choices.stream().map(Choice::payload).toList());
        if (actionKey.isBlank() || actionKey.length() > 64) {
            throw new IllegalArgumentException("actionKey must be 1 to 64 characters: " + actionKey);
        }
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload must be at most 1024 characters");
        }
    }

    public boolean hasChoices() {
        return !choices.isEmpty();
    }

    /** The payload of choice {@code index} of a stored question with choices, or null when there is no such choice. */
    public static String choicePayload(String storedPayload, int index) {
        String[] lines = storedPayload.split("\n", -1);
        return index >= 0 && index < lines.length ? lines[index] : null;
    }

    /** The first choices whose payloads fit together in {@link #MAX_PAYLOAD_CHARS} (long commands leave fewer). */
    public static List<Choice> fitting(List<Choice> choices) {
        List<Choice> kept = new ArrayList<>();
        int length = -1;
        for (Choice choice : choices) {
            length += choice.payload().length() + 1;
            if (length > MAX_PAYLOAD_CHARS) {
                break;
            }
            kept.add(choice);
        }
        return kept;
    }
}
