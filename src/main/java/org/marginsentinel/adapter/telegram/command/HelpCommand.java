package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.BotConnection;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.CommandRejected;

/** {@code /help} and {@code /help <command>}, generated from the {@link ChatCommand} beans. */
@ApplicationScoped
public class HelpCommand implements ChatCommand {

    @Inject
    CommandRegistry registry;

    @Inject
    BotConnection connection;

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "/help [<command>]";
    }

    @Override
    public String example() {
        return "/help learn";
    }

    @Override
    public String description() {
        return "List every command with an example";
    }

    @Override
    public int helpOrder() {
        return 1000;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (!context.args().isEmpty()) {
            return BotReply.html(describe(find(context.args().get(0))));
        }
        // One line per command plus its example keeps the whole list in one message; the full syntax is a
        // /help <command> away.
        StringBuilder html = new StringBuilder("<b>Margin Sentinel commands</b>\n");
        for (ChatCommand command : registry.listedCommands()) {
            html.append('\n').append(summarise(command));
        }
        html.append("\n\nFull syntax of one command: ").append(Html.code("/help <command>"));
        String bot = connection.botUsername();
        if (!context.privateChat() && bot != null) {
            html.append("\nIn groups, add my name to commands: ").append(Html.code("/help@" + bot));
        }
        return BotReply.html(html.toString().strip());
    }

    private ChatCommand find(String requested) {
        String name = requested.toLowerCase(Locale.ROOT);
        name = name.startsWith("/") ? name.substring(1) : name;
        int at = name.indexOf('@');
        name = at < 0 ? name : name.substring(0, at);
        return registry.command(name).orElseThrow(() ->
                new CommandRejected("There is no command /" + requested.replaceFirst("^/", "") + "."));
    }

    static String summarise(ChatCommand command) {
        return "/" + command.name() + " – " + Html.escape(command.description())
                + "\n    e.g. " + Html.code(command.example());
    }

    static String describe(ChatCommand command) {
        return Html.code(command.usage()) + "\n" + Html.escape(command.description())
                + "\nExample: " + Html.code(command.example());
    }
}
