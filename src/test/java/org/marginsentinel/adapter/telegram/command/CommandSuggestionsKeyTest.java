package org.marginsentinel.adapter.telegram.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/** A mistyped /watch with an API key gets no "did you mean" button: a button would store and show the key. */
class CommandSuggestionsKeyTest {

    private static final Texts ENGLISH = Texts.of(Language.EN);

    @Test
    void aMistypedKeyedWatch_isNeitherKeptInAButtonNorEchoed() {
        ParsedText.Command typo = (ParsedText.Command) CommandParser.parse("/wacth binance myApiKey123 mySecret456",
                null);

        BotReply reply = CommandSuggestions.unknownCommand(ENGLISH, typo, true);

        assertThat(reply.html()).contains("Did you mean /watch").contains("delete it from this chat")
                .doesNotContain("myApiKey123").doesNotContain("mySecret456");
        assertThat(reply.needsConfirmation()).isFalse();
        assertThat(reply.buttons()).isEmpty();
        assertThat(CommandSuggestions.unknownCommand(ENGLISH, (ParsedText.Command) CommandParser.parse("/wacth", null), true)
                .html()).contains("Did you mean /watch");
    }
}
