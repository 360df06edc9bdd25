package org.marginsentinel.adapter.telegram.command;

import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * Who invoked a command, where, and with which arguments. Contains no TelegramBots types.
 *
 * @param userId          Telegram user id of the sender (use this, never the user name, for authorization)
 * @param userDisplayName first and last name, or the user name; plain text, escape it before use in HTML
 * @param chatId          the chat to answer in; equals {@code userId} in a private chat, negative for groups
 * @param privateChat     true in a one-to-one chat with the bot
 * @param messageThreadId forum topic of the message, or null
 * @param messageId       the user's message (for a button press: the message that carries the button)
 * @param args            arguments split on whitespace, never null
 * @param argumentText    everything after the command, trimmed, never null
 * @param anonymousAdmin  sent by a group admin posting anonymously as the group (then {@code userId} is
 *                        Telegram's GroupAnonymousBot, not a person): an admin of this chat
 * @param language        the language to answer the sender in
 */
public record CommandContext(long userId, String userDisplayName, long chatId, boolean privateChat,
                             Integer messageThreadId, Integer messageId, List<String> args, String argumentText,
                             boolean anonymousAdmin, Language language) {

    /** An invocation by a person (not an anonymous admin) answered in English: for tests and tools. */
    public CommandContext(long userId, String userDisplayName, long chatId, boolean privateChat,
                          Integer messageThreadId, Integer messageId, List<String> args, String argumentText) {
        this(userId, userDisplayName, chatId, privateChat, messageThreadId, messageId, args, argumentText, false,
                Language.EN);
    }

    public CommandContext {
        args = args == null ? List.of() : List.copyOf(args);
        argumentText = argumentText == null ? "" : argumentText;
        userDisplayName = userDisplayName == null ? "" : userDisplayName;
        language = language == null ? Language.EN : language;
    }

    /** The bot's words in the sender's language. */
    public Texts texts() {
        return Texts.of(language);
    }

    /** The argument at {@code index} (0-based), if present. */
    public Optional<String> arg(int index) {
        return index >= 0 && index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    /** The same invocation without arguments (used when running a confirmed action or a button press). */
    public CommandContext withoutArguments() {
        return new CommandContext(userId, userDisplayName, chatId, privateChat, messageThreadId, messageId,
                List.of(), "", anonymousAdmin, language);
    }
}
