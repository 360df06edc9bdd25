package org.marginsentinel.adapter.telegram.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;

class ConfirmationTest {

    private static final Texts ENGLISH = Texts.of(Language.EN);

    @Test
    void choices_storeOnePayloadALine_andPickByIndex() {
        Confirmation question = new Confirmation("rerun", null, List.of(new Confirmation.Choice("25%", "/close 5 25%"),
                new Confirmation.Choice("25 coins", "/close 5 25 coins")));

        assertThat(question.payload()).isEqualTo("/close 5 25%\n/close 5 25 coins");
        assertThat(Confirmation.choicePayload(question.payload(), 0)).isEqualTo("/close 5 25%");
        assertThat(Confirmation.choicePayload(question.payload(), 1)).isEqualTo("/close 5 25 coins");
        assertThat(Confirmation.choicePayload(question.payload(), 2)).isNull();
        assertThat(Confirmation.choicePayload(question.payload(), -1)).isNull();
    }

    @Test
    void fitting_keepsTheChoicesThatFitTheStoredPayload() {
        String longCommand = "/long " + "x".repeat(600);
        List<Confirmation.Choice> choices = List.of(new Confirmation.Choice("a", longCommand),
                new Confirmation.Choice("b", longCommand));

        assertThat(Confirmation.fitting(choices)).hasSize(1);
    }

    @Test
    void choice_ofSeveralLines_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Confirmation.Choice("a", "/close 1\n/close 2"));
    }

    @Test
    void unknownCommand_nearMiss_offersTheCorrectedCommandWithItsArguments() {
        ParsedText.Command typed = new ParsedText.Command("lon", List.of("BTC", "0.01", "20"), "BTC 0.01 20", false);

        BotReply reply = CommandSuggestions.unknownCommand(ENGLISH, typed, true);

        assertThat(reply.html()).contains("Did you mean /long?");
        assertThat(reply.confirmation().actionKey()).isEqualTo(RerunCommand.KEY);
        assertThat(reply.confirmation().choices()).extracting(Confirmation.Choice::payload)
                .containsExactly("/long BTC 0.01 20");
        assertThat(CommandSuggestions.unknownCommand(ENGLISH, typed, false).needsConfirmation()).isFalse();
        assertThat(CommandSuggestions.unknownCommand(ENGLISH, new ParsedText.Command("zzzzzz", List.of(), "", false), true)
                .html()).contains("Send /help");
    }
}
