package org.marginsentinel.application;

/**
 * A user-caused refusal ("leverage must be between 1 and 125"). Its message is plain text that is
 * safe to show in a chat; the Telegram adapter is the single place that catches it and replies.
 * Nothing may have been changed when it is thrown (the surrounding transaction rolls back).
 */
public class CommandRejected extends RuntimeException {

    public CommandRejected(String message) {
        super(message, null, false, false);
    }
}
