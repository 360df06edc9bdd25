package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading updates as Telegram sends them, including the odd ones. */
class InboundTest {

    private static ReceivedUpdate update(String json) throws Exception {
        return ReceivedUpdate.read(json);
    }

    @Test
    void callbackWithoutFrom_isIgnored_butKeepsItsIdSoTheSpinnerIsStopped() throws Exception {
        ReceivedUpdate update = update("""
                {"update_id": 7, "callback_query": {"id": "cb-1", "chat_instance": "ci", "data": "cf:12",
                 "message": {"message_id": 5, "date": 1700000000, "chat": {"id": 99, "type": "private"}}}}""");

        Inbound in = Inbound.from(update);

        assertThat(in.kind()).isEqualTo(Inbound.Kind.IGNORED);
        assertThat(in.callbackQueryId()).isEqualTo("cb-1");
        assertThat(in.updateId()).isEqualTo(7);
    }

    @Test
    void callbackWithFrom_isAButtonPress() throws Exception {
        ReceivedUpdate update = update("""
                {"update_id": 8, "callback_query": {"id": "cb-2", "chat_instance": "ci", "data": "cf:12",
                 "from": {"id": 5, "is_bot": false, "first_name": "Ada"},
                 "message": {"message_id": 5, "date": 1700000000, "chat": {"id": 99, "type": "private"}}}}""");

        Inbound in = Inbound.from(update);

        assertThat(in.kind()).isEqualTo(Inbound.Kind.CALLBACK);
        assertThat(in.userId()).isEqualTo(5);
        assertThat(in.callbackQueryId()).isEqualTo("cb-2");
    }

    @Test
    void messagePostedAsTheGroupItself_isAnAnonymousAdmin_aChannelPostIsNot() throws Exception {
        String anonymous = """
                {"update_id": 9, "message": {"message_id": 4, "date": 1700000000, "text": "/groupalerts on",
                 "from": {"id": 1087968824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"},
                 "sender_chat": {"id": %d, "type": "supergroup", "title": "%s"},
                 "chat": {"id": -1001, "type": "supergroup", "title": "Traders"}}}""";

        assertThat(Inbound.from(update(anonymous.formatted(-1001, "Traders"))).anonymousAdmin()).isTrue();
        assertThat(Inbound.from(update(anonymous.formatted(-1002, "A linked channel"))).anonymousAdmin()).isFalse();
    }
}
