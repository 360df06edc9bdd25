package org.marginsentinel.adapter.telegram.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * The answer to an unknown command: "did you mean /long?" for a near miss of a command in {@link CommandTable}, with
 * a button (private chats) that runs the corrected command with the same arguments, only when pressed.
 */
public final class CommandSuggestions {

    private static final int MAX_SUGGESTIONS = 3;
    private static final int LABEL_ARGUMENT_CHARS = 30;

    private CommandSuggestions() {
    }

    /** The names of listed commands {@code name} is a near miss of, best first (at most three). */
    public static List<String> suggestions(String name) {
        List<String> names = CommandTable.ALL.stream().map(CommandSpec::name).toList();
        List<String> nearest = NearMiss.nearest(name, names);
        return nearest.subList(0, Math.min(MAX_SUGGESTIONS, nearest.size()));
    }

    /** {@code /<anything> binance|bybit|okx <key> …}: arguments that look like an exchange API key. */
    static boolean carriesKey(ParsedText.Command command) {
        return command.args().size() > 1
                && List.of("binance", "bybit", "okx").contains(command.args().get(0).toLowerCase(Locale.ROOT));
    }

    /** The answer to {@code command}, which no command handles, in the words of {@code texts}. */
    public static BotReply unknownCommand(Texts texts, ParsedText.Command command, boolean offerButtons) {
        String unknown = texts.get("unknown.command", Html.code("/" + Text.shorten(command.name(), 33)));
        List<String> suggested = suggestions(command.name());
        if (suggested.isEmpty()) {
            return BotReply.html(texts.get("unknown.sendHelp", unknown));
        }
        String meant = suggested.stream().map(name -> "/" + name)
                .reduce((first, second) -> texts.get("unknown.either", first, second)).orElseThrow();
        String question = texts.get("unknown.didYouMean", unknown, meant);
        if (carriesKey(command)) {
            // Never kept in a button (stored, and its label shown) nor echoed: an API key must not be.
            return BotReply.html(texts.get("unknown.deleteKey", question));
        }
        if (!offerButtons) {
            return BotReply.html(question);
        }
        String args = command.args().isEmpty() ? "" : " " + String.join(" ", command.args());
        List<Confirmation.Choice> choices = new ArrayList<>();
        for (String name : suggested) {
            choices.add(new Confirmation.Choice("▶️ /" + name + Text.shorten(args, LABEL_ARGUMENT_CHARS), "/" + name + args));
        }
        List<Confirmation.Choice> fitting = Confirmation.fitting(choices);
        return fitting.isEmpty() ? BotReply.html(question)
                : BotReply.choose(texts.get("unknown.pressToRun", question), RerunCommand.KEY, fitting);
    }
}
