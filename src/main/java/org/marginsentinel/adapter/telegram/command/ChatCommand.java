package org.marginsentinel.adapter.telegram.command;

/**
 * One slash command of the bot. Implementations are {@code @ApplicationScoped} beans; the
 * {@link CommandRegistry} finds them through CDI and checks them against {@link CommandTable}, from which
 * {@code /help}, the Telegram command menus and the README's table are generated. Adding a command is a
 * table entry plus a bean that returns it from {@link #spec()}.
 *
 * <p>{@link #handle} runs on a handler worker thread inside the same database transaction that
 * records the update as handled and queues the reply. Throw
 * {@link org.marginsentinel.application.CommandRejected} to refuse with a message for the user
 * (everything the handler did is rolled back and the user sees the message plus the usage line).
 * Any other exception is logged and the user gets a generic apology; it is rolled back as well.
 * Handlers never call Telegram themselves: they return a {@link BotReply}.
 */
public interface ChatCommand {

    /** Name, syntax, example, menu line and reach: the command's entry in {@link CommandTable}. */
    CommandSpec spec();

    /** The command without slash: {@code "long"}. */
    default String name() {
        return spec().name();
    }

    /**
     * Handles one invocation. May throw {@link org.marginsentinel.application.CommandRejected}.
     * Returning {@code null} sends nothing.
     */
    BotReply handle(CommandContext context);
}
