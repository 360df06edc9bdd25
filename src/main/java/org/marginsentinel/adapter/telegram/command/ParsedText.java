package org.marginsentinel.adapter.telegram.command;

import java.util.List;

/** What {@link CommandParser} made of a message text. */
public sealed interface ParsedText {

    /**
     * A command for this bot. {@code name} is lower case and may be unknown to the registry.
     * {@code addressedToUs} is true for {@code /cmd@OurBot}: in groups, only such commands get an
     * "unknown command" reply (a bare {@code /price} there may be meant for another bot).
     */
    record Command(String name, List<String> args, String argumentText, boolean addressedToUs) implements ParsedText {
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
