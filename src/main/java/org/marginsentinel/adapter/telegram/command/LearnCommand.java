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
        String topic = context.args().isEmpty() ? LearnTopics.OVERVIEW : context.args().get(0).toLowerCase(Locale.ROOT);
        return LearnTopics.lesson(context.texts(), topic).filter(lesson -> context.args().size() <= 1)
                .map(BotReply::html)
                .orElseThrow(() -> new CommandRejected(context.texts().get("learn.unknown.refused",
                        Text.shorten(context.argumentText(), 41),
                        String.join(", ", LearnTopics.TOPIC_NAMES))));
    }
}
