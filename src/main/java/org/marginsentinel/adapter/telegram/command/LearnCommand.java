package org.marginsentinel.adapter.telegram.command;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.application.CommandRejected;

/** {@code /learn}, {@code /learn isolated}, {@code /learn cross}, {@code /learn odds}: short lessons. */
@ApplicationScoped
public class LearnCommand implements ChatCommand {

    @Override
    public CommandSpec spec() {
        return CommandTable.LEARN;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().isEmpty()) {
            return BotReply.html(LearnTopics.OVERVIEW);
        }
        String topic = context.args().get(0).toLowerCase(Locale.ROOT);
        String lesson = LearnTopics.TOPICS.get(topic);
        if (lesson == null || context.args().size() > 1) {
            throw new CommandRejected("I have no lesson called \"" + Text.shorten(context.argumentText(), 41)
                    + "\". Topics: " + String.join(", ", LearnTopics.TOPIC_NAMES)
                    + " (or /learn alone for the overview).");
        }
        return BotReply.html(lesson);
    }
}
