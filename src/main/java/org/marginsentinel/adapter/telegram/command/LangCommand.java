package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.application.CommandRejected;

/** {@code /lang} shows the language the user is answered in; {@code /lang ru} picks one for good. */
@ApplicationScoped
public class LangCommand implements ChatCommand {

    @Inject
    UserLanguages languages;

    @Inject
    Clock clock;

    @Override
    public CommandSpec spec() {
        return CommandTable.LANG;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().isEmpty()) {
            Texts texts = context.texts();
            return BotReply.html(texts.get("lang.current", Html.escape(context.language().nativeName())) + "\n"
                    + texts.get("lang.howToChange", choices()));
        }
        Language chosen = Language.byCode(context.argumentText()).orElseThrow(() -> new CommandRejected(
                context.texts().get("lang.unknown.refused", plainChoices())));
        languages.choose(context.userId(), chosen, clock.instant());
        return BotReply.html(Texts.of(chosen).get("lang.changed", Html.escape(chosen.nativeName())));
    }

    private static String choices() {
        return Arrays.stream(Language.values()).map(l -> Html.code("/lang " + l.code()) + " " + Html.escape(l.nativeName()))
                .collect(Collectors.joining(" · "));
    }

    private static String plainChoices() {
        return Arrays.stream(Language.values()).map(l -> "/lang " + l.code() + " (" + l.nativeName() + ")")
                .collect(Collectors.joining(", "));
    }
}
