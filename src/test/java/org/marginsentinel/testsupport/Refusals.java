package org.marginsentinel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.ThrowingConsumer;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;

/**
 * A refusal as the user reads it: the application throws text keys ({@link CommandRejected#text}), so a test of the
 * application checks the wording the chat adapter gives them in English.
 */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal in English, as a chat shows it. */
    public static String inEnglish(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CommandRejected.class);
        return Texts.of(Language.EN).refusal((CommandRejected) thrown);
    }

    /** For {@code assertThatThrownBy(…).satisfies(saying("…"))}: a refusal whose English wording contains this. */
    public static ThrowingConsumer<Throwable> saying(String fragment) {
        return thrown -> assertThat(inEnglish(thrown)).contains(fragment);
    }
}
