package org.marginsentinel.adapter.telegram.command;

import java.util.Objects;

/**
 * What a user and Telegram need to know about one command: its name, syntax, one example, a line for the menu and
 * {@code /help}, and where it works. The production commands are listed in {@link CommandTable}; the registry,
 * {@code /help}, the Telegram menus and the README's command table are all generated from it.
 *
 * @param name        without slash, lower case, {@code [a-z0-9_]{1,32}}: {@code "long"}
 * @param usage       syntax shown by {@code /help <command>} and after a refusal
 * @param example     one complete example: {@code "/long BTC 0.5 20x"}
 * @param description one short line (at most 256 characters) for the menu and {@code /help}
 * @param details     more for {@code /help <command>} and the README, or empty
 * @param where       where it works and where it is answered
 * @param hidden      hidden commands work but are left out of {@code /help}, the menus and the README
 */
public record CommandSpec(String name, String usage, String example, String description, String details,
                          Where where, boolean hidden) {

    /** Where a command works, and so in which chat type's menu and {@code /help} it is listed. */
    public enum Where {
        /** Private chats and groups, answered where it was typed (prices, lessons, the calculator). */
        ANYWHERE("anywhere"),
        /**
         * About the sender's own account. Typed in a group it still works, but the answer goes to the sender's
         * private chat when the bot can write there (the group gets a one-line pointer); it is not listed in groups.
         */
        PERSONAL("private (from a group: answered in private)"),
        /** Only in groups (a private chat gets a polite refusal). */
        GROUP("groups only");

        private final String readable;

        Where(String readable) {
            this.readable = readable;
        }

        /** For people: the README's "Where" column. */
        public String readable() {
            return readable;
        }
    }

    public CommandSpec {
        Objects.requireNonNull(where, "where");
        details = details == null ? "" : details.strip();
        if (!CommandParser.isValidName(name)) {
            throw new IllegalArgumentException("Command name must match [a-z0-9_]{1,32}: '" + name + "'");
        }
        if (description == null || description.isBlank() || description.length() > 256) {
            throw new IllegalArgumentException("Command /" + name + " needs a description of 1 to 256 characters");
        }
        if (usage == null || usage.isBlank()) {
            throw new IllegalArgumentException("Command /" + name + " needs a usage line");
        }
        if (example == null || !example.startsWith("/" + name)) {
            throw new IllegalArgumentException("The example of /" + name + " must start with /" + name);
        }
    }

    /** A listed command. */
    public static CommandSpec of(String name, String usage, String example, Where where, String description) {
        return of(name, usage, example, where, description, "");
    }

    /** A listed command with more to say in {@code /help <command>} and the README. */
    public static CommandSpec of(String name, String usage, String example, Where where, String description,
                                 String details) {
        return new CommandSpec(name, usage, example, description, details, where, false);
    }

    /** A command that works but is listed nowhere (the tests' own commands). */
    public static CommandSpec hidden(String name, String usage, String description) {
        return new CommandSpec(name, usage, "/" + name, description, "", Where.ANYWHERE, true);
    }

    /** About the sender's own account: answered privately when typed in a group. */
    public boolean personal() {
        return where == Where.PERSONAL;
    }

    /** Listed in a group's menu and its {@code /help}: it works there and is answered there. */
    public boolean listedInGroups() {
        return !hidden && where != Where.PERSONAL;
    }

    /** Listed in private chats' menu and {@code /help}: everything that is not hidden. */
    public boolean listedInPrivate() {
        return !hidden;
    }
}
