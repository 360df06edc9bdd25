package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Update ids are read as longs (TelegramBots' Integer would fail at 2³¹); an update without one is refused. */
class ReceivedUpdateTest {

    private static final String MESSAGE = """
            {"update_id": %s, "message": {"message_id": 5, "date": 1700000000, "text": "/risk",
             "from": {"id": 42, "is_bot": false, "first_name": "Ada"}, "chat": {"id": 42, "type": "private"}}}""";

    @Test
    void idsBeyondAnInt_areReadAsLongs_andTheRestAsTelegramBotsUpdate() throws IOException {
        for (long id : new long[] {2_147_483_647L, 2_147_483_648L, 4_294_967_296L, 9_007_199_254_740_993L}) {
            ReceivedUpdate received = ReceivedUpdate.read(MESSAGE.formatted(id));

            assertThat(received.updateId()).isEqualTo(id);
            assertThat(received.update().getMessage().getText()).isEqualTo("/risk");
            assertThat(Inbound.from(received).updateId()).isEqualTo(id);
            assertThat(ReceivedUpdate.read(received.json()).updateId()).as("the stored JSON reads back").isEqualTo(id);
        }
    }

    @Test
    void withoutAWholeNumberId_itIsNotAnUpdate() {
        for (String id : new String[] {"null", "\"12\"", "1.5", "18446744073709551616"}) {
            assertThatThrownBy(() -> ReceivedUpdate.read(MESSAGE.formatted(id))).as(id).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> ReceivedUpdate.read("{\"message\": {}}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ReceivedUpdate.read("[1, 2]")).isInstanceOf(IOException.class);
    }
}
