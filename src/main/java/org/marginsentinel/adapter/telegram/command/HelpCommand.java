package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;

/**
 * {@code /help} and {@code /help <command>}, generated from {@link CommandTable} (in the user's language through
 * {@link CommandTranslations}): private chats list every command, groups only what works and is answered there.
 */
@ApplicationScoped
public class HelpCommand implements ChatCommand {

    @Inject
    CommandRegistry registry;

    @Inject
    BotConnection connection;

    @Override
    public CommandSpec spec() {
        return CommandTable.HELP;
    }

    @Override
    public BotReply handle(CommandContext context) {
        Texts texts = context.texts();
        if (!context.args().isEmpty()) {
            return BotReply.html(describe(find(context.args().get(0), texts).spec(), texts));
        }
        // One line per command plus its example keeps the whole list in one message; the full syntax is a
        // /help <command> away. A group hears only what works and is answered there.
        List<ChatCommand> listed = context.privateChat() ? registry.listedInPrivate() : registry.listedInGroups();
        StringBuilder html = new StringBuilder(texts.get("help.title")).append('\n');
        for (ChatCommand command : listed) {
            html.append('\n').append(summarise(command.spec(), texts));
        }
        html.append("\n\n").append(texts.get("help.fullSyntax",
                Html.code("/help <" + texts.get("help.commandPlaceholder") + ">")));
        String bot = connection.botUsername();
        if (!context.privateChat()) {
            html.append('\n').append(texts.get("help.groupOwnAccount"));
            if (bot != null) {
                html.append('\n').append(texts.get("help.groupMention", Html.code("/help@" + bot)));
            }
        }
        return BotReply.html(html.toString().strip());
    }

    private ChatCommand find(String requested, Texts texts) {
        String name = requested.toLowerCase(Locale.ROOT);
        name = name.startsWith("/") ? name.substring(1) : name;
        int at = name.indexOf('@');
        name = at < 0 ? name : name.substring(0, at);
        return registry.command(name).orElseThrow(() -> new CommandRejected(texts.get("help.noSuchCommand.refused",
                Text.shorten(requested.replaceFirst("^/", ""), 40))));
    }

    static String summarise(CommandSpec command, Texts texts) {
        return "/" + command.name() + " – " + Html.escape(CommandTranslations.description(command, texts.language()))
                + "\n    " + texts.get("help.example", Html.code(command.example()));
    }

    static String describe(CommandSpec command, Texts texts) {
        Language language = texts.language();
        String details = CommandTranslations.details(command, language);
        return Html.code(CommandTranslations.usage(command, language)) + "\n" + Html.escape(CommandTranslations.description(command, language))
                + (details.isEmpty() ? "" : ". " + Html.escape(details))
                + "\n" + texts.get("help.describeExample", Html.code(command.example()));
    }
}
