package org.marginsentinel.adapter.telegram.command;

/**
 * One slash command of the bot. Implementations are {@code @ApplicationScoped} beans; the
 * {@link CommandRegistry} finds them through CDI, and {@code /help} plus the Telegram command menu
 * are generated from them, so adding a bean is all it takes to add a command.
 *
 * <p>{@link #handle} runs on a handler worker thread inside the same database transaction that
 * records the update as handled and queues the reply. Throw
 * {@link org.marginsentinel.application.CommandRejected} to refuse with a message for the user
 * (everything the handler did is rolled back and the user sees the message plus {@link #usage()}).
 * Any other exception is logged and the user gets a generic apology; it is rolled back as well.
 * Handlers never call Telegram themselves: they return a {@link BotReply}.
 */
public interface ChatCommand {

    /** The command without slash, lower case, {@code [a-z0-9_]{1,32}}: {@code "long"}. */
    String name();

    /** Syntax shown in /help and after a refusal: {@code "/long <symbol> <size> [<leverage>x]"}. */
    String usage();

    /** One complete example: {@code "/long BTC 0.5 20x"}. */
    String example();

    /** One short line (at most 256 characters) for the Telegram menu and /help. */
    String description();

    /** Position in /help and the menu; lower comes first. Ties are sorted by name. */
    default int helpOrder() {
        return 100;
    }

    /** Hidden commands work but are left out of /help and the Telegram menu. */
    default boolean hidden() {
        return false;
    }

    /**
     * True for commands about the sender's own account (balances, orders, settings). Typed in a group, they
     * still work, but the answer goes to the sender's private chat when the bot can write there (the group
     * gets a one-line pointer); otherwise it is answered in the group with a button to open the private chat.
     */
    default boolean personal() {
        return false;
    }

    /**
     * Handles one invocation. May throw {@link org.marginsentinel.application.CommandRejected}.
     * Returning {@code null} sends nothing.
     */
    BotReply handle(CommandContext context);
}
