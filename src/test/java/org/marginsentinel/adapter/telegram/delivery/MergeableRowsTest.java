package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.store.OutboxRow;

class MergeableRowsTest {

    @Test
    void mergeable_plainRowsOfOneChat_areMerged() {
        List<OutboxRow> rows = List.of(row(1, "a"), row(2, "b"), row(3, "c"));

        assertThat(BotApiCalls.mergeable(rows)).extracting(OutboxRow::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void mergeable_commandReplies_areNeverMerged() {
        OutboxRow reply = new OutboxRow(1, 42, null, null, null, "a", null, false, 10, 0);
        OutboxRow nextReply = new OutboxRow(2, 42, null, null, null, "b", null, false, 10, 0);

        assertThat(BotApiCalls.mergeable(List.of(reply, nextReply))).extracting(OutboxRow::id).containsExactly(1L);
    }

    @Test
    void mergeable_stopsAtRowsWithButtonsEditsRetriesOrOtherThreads() {
        OutboxRow head = row(1, "a");
        assertThat(BotApiCalls.mergeable(List.of(head, withButtons(row(2, "b")), row(3, "c"))))
                .extracting(OutboxRow::id).containsExactly(1L);
        assertThat(BotApiCalls.mergeable(List.of(head, new OutboxRow(2, 42, null, null, 9, "b", null, false, 50, 0))))
                .hasSize(1);
        assertThat(BotApiCalls.mergeable(List.of(head, new OutboxRow(2, 42, null, null, null, "b", null, false, 50, 1))))
                .as("a retried row goes alone").hasSize(1);
        assertThat(BotApiCalls.mergeable(List.of(head, new OutboxRow(2, 42, 5, null, null, "b", null, false, 50, 0))))
                .hasSize(1);
        assertThat(BotApiCalls.mergeable(List.of(head, new OutboxRow(2, 42, null, null, null, "b", null, true, 50, 0))))
                .as("silent and loud do not mix").hasSize(1);
        assertThat(BotApiCalls.mergeable(List.of(withButtons(row(1, "a")), row(2, "b")))).hasSize(1);
    }

    @Test
    void mergeable_staysWithinTheTelegramLimit() {
        String half = "x".repeat(2046);
        List<OutboxRow> rows = List.of(row(1, half), row(2, half), row(3, "y"));

        List<OutboxRow> batch = BotApiCalls.mergeable(rows);

        assertThat(batch).extracting(OutboxRow::id).containsExactly(1L, 2L);
        assertThat(half.length() * 2 + 2).isEqualTo(4094);
    }

    private static OutboxRow row(long id, String html) {
        return new OutboxRow(id, 42, null, null, null, html, null, false, 50, 0);
    }

    private static OutboxRow withButtons(OutboxRow row) {
        return new OutboxRow(row.id(), row.chatId(), null, null, null, row.html(),
                "[[{\"label\":\"x\",\"data\":\"y\"}]]", false, 50, 0);
    }
}
