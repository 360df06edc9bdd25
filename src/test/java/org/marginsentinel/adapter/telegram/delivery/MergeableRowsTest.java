package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

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
    void aUsersWarningsWithButtons_goOutAsOneDigest_mostUrgentFirst_withTheMostUrgentWarningsButtons() {
        String firstButtons = "[[{\"label\":\"Add margin\",\"data\":\"wa:1:m\"}]]";
        List<OutboxRow> rowsOfOneChat = List.of(
                new OutboxRow(5, 42, null, null, null, "first warning, #2", firstButtons, false,
                        OutgoingMessage.PRIORITY_FIRST_WARNING, 0),
                new OutboxRow(3, 42, null, null, null, "liquidated #1", null, false, OutgoingMessage.PRIORITY_CRITICAL, 0),
                new OutboxRow(4, 42, null, null, null, "danger #3", "[[{\"label\":\"x\",\"data\":\"wa:2:m\"}]]",
                        false, OutgoingMessage.PRIORITY_DANGER, 0));
        List<String> calls = new ArrayList<>();
        List<Object> keyboards = new ArrayList<>();
        BotApiCalls api = new BotApiCalls(recording(calls, keyboards), id -> java.util.Optional.empty());

        List<OutboxRow> digest = BotApiCalls.mergeable(rowsOfOneChat);
        assertThatCode(() -> api.deliver(digest)).doesNotThrowAnyException();

        assertThat(digest).extracting(OutboxRow::id).containsExactly(5L, 3L, 4L);
        assertThat(calls).containsExactly("first warning, #2\n\nliquidated #1\n\ndanger #3");
        assertThat(keyboards).hasSize(1);
        assertThat(keyboards.get(0).toString()).contains("wa:1:m").doesNotContain("wa:2:m");
    }

    @Test
    void groupRowsWithButtons_stillGoAlone() {
        OutboxRow nudge = new OutboxRow(1, -100, null, null, null, "nudge", "[[{\"label\":\"x\",\"data\":\"y\"}]]",
                false, OutgoingMessage.PRIORITY_WARNING, 0);
        OutboxRow alert = new OutboxRow(2, -100, null, null, null, "alert", null, false,
                OutgoingMessage.PRIORITY_WARNING, 0);

        assertThat(BotApiCalls.mergeable(List.of(nudge, alert))).hasSize(1);
    }

    /** A Telegram client that records the text and keyboard of each sendMessage and answers with message 1. */
    private static TelegramClient recording(List<String> texts, List<Object> keyboards) {
        return (TelegramClient) java.lang.reflect.Proxy.newProxyInstance(TelegramClient.class.getClassLoader(),
                new Class<?>[] {TelegramClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute") && args[0] instanceof SendMessage send) {
                        texts.add(send.getText());
                        keyboards.add(send.getReplyMarkup());
                        Message sent = new Message();
                        sent.setMessageId(1);
                        return sent;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
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
