package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.application.CommandRejected;

/**
 * {@code /help} and {@code /help <command>}, generated from {@link CommandTable}: private chats list every command,
 * groups only what works and is answered there.
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
        if (!context.args().isEmpty()) {
            return BotReply.html(describe(find(context.args().get(0)).spec()));
        }
        // One line per command plus its example keeps the whole list in one message; the full syntax is a
        // /help <command> away. A group hears only what works and is answered there.
        List<ChatCommand> listed = context.privateChat() ? registry.listedInPrivate() : registry.listedInGroups();
        StringBuilder html = new StringBuilder("<b>Margin Sentinel commands</b>\n");
        for (ChatCommand command : listed) {
            html.append('\n').append(summarise(command.spec()));
        }
        html.append("\n\nFull syntax of one command: ").append(Html.code("/help <command>"));
        String bot = connection.botUsername();
        if (!context.privateChat()) {
            html.append("\nYour own account (/start, /long, /balance, /alerts …) works in a private chat with me.");
            if (bot != null) {
                html.append("\nIn groups, add my name to commands: ").append(Html.code("/help@" + bot));
            }
        }
        return BotReply.html(html.toString().strip());
    }

    private ChatCommand find(String requested) {
        String name = requested.toLowerCase(Locale.ROOT);
        name = name.startsWith("/") ? name.substring(1) : name;
        int at = name.indexOf('@');
        name = at < 0 ? name : name.substring(0, at);
        return registry.command(name).orElseThrow(() -> new CommandRejected("There is no command /"
                + Text.shorten(requested.replaceFirst("^/", ""), 40) + "."));
    }

    static String summarise(CommandSpec command) {
        return "/" + command.name() + " – " + Html.escape(command.description())
                + "\n    e.g. " + Html.code(command.example());
    }

    static String describe(CommandSpec command) {
        return Html.code(command.usage()) + "\n" + Html.escape(command.description())
                + (command.details().isEmpty() ? "" : ". " + Html.escape(command.details()))
                + "\nExample: " + Html.code(command.example());
    }
}
