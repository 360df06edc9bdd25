package org.marginsentinel.adapter.telegram.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;

/**
 * Input that could mean more than one thing ({@code 1,000}: a thousand, or one with a decimal comma?). Nothing is
 * assumed: the user is asked, with one button per reading that re-runs the command with that reading spelled out
 * ({@link #ask}). Thrown while reading arguments, before anything changes; where no buttons can be offered the
 * message alone explains how to write it unambiguously.
 *
 * @param token         the text that is ambiguous (it or the argument containing it is replaced)
 * @param argumentIndex which argument holds it, or -1 for the first argument containing {@code token}
 */
public class AmbiguousInput extends CommandRejected {

    /** One reading: the button's label and what replaces {@code token} in the command. */
    public record Reading(String label, String replacement) {
        public Reading {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    private final String token;
    private final int argumentIndex;
    private final List<Reading> readings;

    public AmbiguousInput(String question, String token, int argumentIndex, List<Reading> readings) {
        super(question);
        this.token = Objects.requireNonNull(token, "token");
        this.argumentIndex = argumentIndex;
        this.readings = List.copyOf(readings);
        if (this.readings.isEmpty()) {
            throw new IllegalArgumentException("an ambiguity needs at least one reading");
        }
    }

    public AmbiguousInput(String question, String token, List<Reading> readings) {
        this(question, token, -1, readings);
    }

    /** A question worded in the user's language when asked: {@code textKey} (plain text) with its arguments. */
    private AmbiguousInput(String textKey, Object[] arguments, String token, List<Reading> readings) {
        super(textKey, arguments);
        this.token = Objects.requireNonNull(token, "token");
        this.argumentIndex = -1;
        this.readings = List.copyOf(readings);
        if (this.readings.isEmpty()) {
            throw new IllegalArgumentException("an ambiguity needs at least one reading");
        }
    }

    /** Asks about {@code token} with the question under {@code textKey} (see {@link Texts#refusal}). */
    public static AmbiguousInput text(String textKey, String token, List<Reading> readings, Object... arguments) {
        return new AmbiguousInput(textKey, arguments, token, readings);
    }

    public List<Reading> readings() {
        return readings;
    }

    /**
     * The command text for each reading, {@code /name arg …} with the ambiguous token replaced, in reading order; empty
     * when the token is not among {@code args} (then nothing can be re-run safely).
     */
    public List<String> commandTexts(String name, List<String> args) {
        int index = argumentIndex >= 0 && argumentIndex < args.size() && args.get(argumentIndex).contains(token)
                ? argumentIndex : firstContaining(args);
        if (index < 0) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Reading reading : readings) {
            List<String> replaced = new ArrayList<>(args);
            replaced.set(index, args.get(index).replace(token, reading.replacement()));
            texts.add("/" + name + " " + String.join(" ", replaced));
        }
        return texts;
    }

    /** The question with one button per reading (each runs its command text only when pressed), or a plain refusal. */
    public BotReply ask(Texts words, String name, List<String> args) {
        List<String> texts = commandTexts(name, args);
        String question = "🤔 " + Html.escape(words.refusal(this));
        if (texts.isEmpty()) {
            return BotReply.html(question);
        }
        List<Confirmation.Choice> choices = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            choices.add(new Confirmation.Choice(readings.get(i).label(), texts.get(i)));
        }
        List<Confirmation.Choice> fitting = Confirmation.fitting(choices);
        return fitting.isEmpty() ? BotReply.html(question) : BotReply.choose(question, RerunCommand.KEY, fitting);
    }

    private int firstContaining(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).contains(token)) {
                return i;
            }
        }
        return -1;
    }
}
