package org.marginsentinel.application;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A user-caused refusal ("leverage must be between 1 and 125"); the Telegram adapter is the single place that
 * catches it and replies. Nothing may have been changed when it is thrown (the surrounding transaction rolls back).
 *
 * <p>Two kinds: a refusal already in the user's words ({@link #CommandRejected(String)}: plain text, safe to show),
 * or, from code that does not know the user's language (the application), a text key of the {@code refusals}
 * bundle with its arguments ({@link #text}): strings are shown as they are (escaped), {@link Figure}s are written
 * the way the user's language writes numbers.
 */
public class CommandRejected extends RuntimeException {

    private final String textKey;
    private final List<Object> arguments;

    public CommandRejected(String message) {
        super(message, null, false, false);
        this.textKey = null;
        this.arguments = List.of();
    }

    /** For a subclass that is worded like {@link #text}: {@code textKey} with its arguments. */
    protected CommandRejected(String textKey, Object[] arguments) {
        super(textKey + Arrays.toString(arguments), null, false, false);
        this.textKey = textKey;
        this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
    }

    /** A refusal the adapter words in the user's language: {@code textKey} of the refusals bundle. */
    public static CommandRejected text(String textKey, Object... arguments) {
        return new CommandRejected(textKey, arguments);
    }

    /** The text key when the adapter must word this refusal, empty when {@link #getMessage()} is the wording. */
    public Optional<String> textKey() {
        return Optional.ofNullable(textKey);
    }

    /** The arguments of {@link #textKey()}: strings and {@link Figure}s. */
    public List<Object> arguments() {
        return arguments;
    }
}
