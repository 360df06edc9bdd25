package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.marginsentinel.application.CommandRejected;

/** {@code /learn}, {@code /learn isolated}, {@code /learn cross}, {@code /learn odds}: short lessons. */
@ApplicationScoped
public class LearnCommand implements ChatCommand {

    @Override
    public String name() {
        return "learn";
    }

    @Override
    public String usage() {
        return "/learn [isolated|cross|odds]";
    }

    @Override
    public String example() {
        return "/learn cross";
    }

    @Override
    public String description() {
        return "How isolated and cross margin work, their risks, and the odds of liquidation";
    }

    @Override
    public int helpOrder() {
        return 900;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().isEmpty()) {
            return BotReply.html(LearnTopics.OVERVIEW);
        }
        String topic = context.args().get(0).toLowerCase(Locale.ROOT);
        String lesson = LearnTopics.TOPICS.get(topic);
        if (lesson == null || context.args().size() > 1) {
            throw new CommandRejected("I have no lesson called \"" + shorten(context.argumentText())
                    + "\". Topics: " + String.join(", ", LearnTopics.TOPIC_NAMES)
                    + " (or /learn alone for the overview).");
        }
        return BotReply.html(lesson);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
