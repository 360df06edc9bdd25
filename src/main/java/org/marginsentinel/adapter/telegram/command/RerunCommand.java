package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.application.CommandRejected;

/**
 * Runs the command a "did you mean …?" or "which did you mean?" button stands for ({@code /long BTC 0.01 20x}),
 * when its owner presses it: exactly as if they had typed it, once. A question it raises in turn is asked in place.
 */
@ApplicationScoped
public class RerunCommand implements ConfirmableAction {

    public static final String KEY = "rerun";

    @Inject
    CommandLookup commands;

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        ParsedText parsed = payload.indexOf('\n') >= 0 ? null : CommandParser.parse(payload, null);
        if (!(parsed instanceof ParsedText.Command command)) {
            throw new CommandRejected(context.texts().get("refusals.button.rerunGone.refused"));
        }
        ChatCommand handler = commands.command(command.name()).orElseThrow(() ->
                new CommandRejected(context.texts().get("refusals.button.rerunGone.refused")));
        CommandContext typed = new CommandContext(context.userId(), context.userDisplayName(), context.chatId(),
                context.privateChat(), context.messageThreadId(), context.messageId(), command.args(),
                command.argumentText(), context.anonymousAdmin(), context.language());
        try {
            return handler.handle(typed);
        } catch (AmbiguousInput question) { // thrown while reading arguments, before anything changed
            return question.ask(context.texts(), command.name(), command.args());
        }
    }
}
