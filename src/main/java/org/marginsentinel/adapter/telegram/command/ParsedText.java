package org.marginsentinel.adapter.telegram.command;

import java.util.List;

/** What {@link CommandParser} made of a message text. */
public sealed interface ParsedText {

    /** A command for this bot. {@code name} is lower case and may be unknown to the registry. */
    record Command(String name, List<String> args, String argumentText) implements ParsedText {
        public Command {
            args = List.copyOf(args);
        }
    }

    /** Text that does not start with a command. */
    record NotACommand() implements ParsedText {
    }

    /** {@code /cmd@SomeOtherBot}: meant for another bot in the group; ignore it silently. */
    record ForAnotherBot(String botUsername) implements ParsedText {
    }

    /** A command whose arguments are longer than {@link CommandParser#MAX_ARGUMENT_CHARS}. */
    record ArgumentsTooLong(String name, int length) implements ParsedText {
    }
}
