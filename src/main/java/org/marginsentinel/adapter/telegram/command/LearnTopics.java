package org.marginsentinel.adapter.telegram.command;

import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * The lessons of {@code /learn}: Telegram HTML files, one per topic and language, in
 * {@code src/main/resources/i18n/lessons} ({@code overview_en.html}, {@code cross_ru.html}, …), each well under
 * 4,096 characters.
 */
final class LearnTopics {

    /** Shown for {@code /learn} without a topic. */
    static final String OVERVIEW = "overview";

    /** Topic names in the order they are offered to users. */
    static final List<String> TOPIC_NAMES = List.of("isolated", "cross", "odds");

    private LearnTopics() {
    }

    /** The lesson on {@code topic} (one of {@link #TOPIC_NAMES} or {@link #OVERVIEW}) in these texts' language. */
    static Optional<String> lesson(Texts texts, String topic) {
        return topic.equals(OVERVIEW) || TOPIC_NAMES.contains(topic)
                ? Optional.of(texts.lesson(topic)) : Optional.empty();
    }
}
