package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.CallbackAnswer;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.adapter.telegram.store.ConfirmationEntity;

/** Confirm / Cancel buttons and plain callback buttons, end to end. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class ConfirmationE2ETest {

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    TestCommands.CloseAction closeAction;

    @Inject
    TestCommands.Refresh refresh;

    @Inject
    EntityManager em;

    @Test
    void owner_confirms_actionRunsOnce_andTheQuestionBecomesTheResult() {
        long owner = telegram.newUser();
        String payload = "BTC-" + owner;
        telegram.userSays(owner, "/test_close " + payload);
        SentMessage question = telegram.awaitReplyTo(owner);
        assertThat(question.text()).isEqualTo("Close <b>" + payload + "</b>?");
        assertThat(question.buttonLabels()).containsExactly("✅ Confirm", "✖️ Cancel");
        String confirm = question.buttonData("Confirm");
        assertThat(confirm).matches("cf:\\d+");

        CallbackAnswer answer = telegram.awaitCallbackAnswer(telegram.press(owner, owner, question.messageId(), confirm));

        assertThat(answer.text()).isEqualTo("Done.");
        SentMessage edited = telegram.awaitEdit(owner, question.messageId());
        assertThat(edited.text()).isEqualTo("Closed <b>" + payload + "</b>.");
        assertThat(edited.hasButtons()).as("Confirm / Cancel removed").isFalse();
        assertThat(closeAction.closedSoFar()).containsOnlyOnce(payload + " by " + owner);
        assertThat(statusOf(confirm)).isEqualTo(ConfirmationEntity.Status.CONFIRMED);

        // A second tap (double click, or a stale client) must not run it again nor overwrite the result.
        CallbackAnswer again = telegram.awaitCallbackAnswer(telegram.press(owner, owner, question.messageId(), confirm));
        assertThat(again.text()).isEqualTo("This question was already answered.");
        assertThat(closeAction.closedSoFar()).containsOnlyOnce(payload + " by " + owner);
        assertThat(telegram.message(owner, question.messageId()).text()).isEqualTo(edited.text());
    }

    @Test
    void anotherUsersPress_isRefused_andChangesNothing() {
        long owner = telegram.newUser();
        long intruder = telegram.newUser();
        long group = telegram.newGroup();
        String payload = "ETH-" + owner;
        telegram.userSaysInGroup(owner, group, "/test_close@" + FakeTelegram.BOT_USERNAME + " " + payload);
        SentMessage question = telegram.awaitReplyTo(group);

        CallbackAnswer refused = telegram.awaitCallbackAnswer(
                telegram.press(intruder, group, question.messageId(), question.buttonData("Confirm")));
        CallbackAnswer refusedCancel = telegram.awaitCallbackAnswer(
                telegram.press(intruder, group, question.messageId(), question.buttonData("Cancel")));

        assertThat(refused.text()).isEqualTo("This button is not yours.");
        assertThat(refused.showAlert()).isTrue();
        assertThat(refusedCancel.text()).isEqualTo("This button is not yours.");
        assertThat(closeAction.closedSoFar()).noneMatch(entry -> entry.startsWith(payload));
        assertThat(statusOf(question.buttonData("Confirm"))).isEqualTo(ConfirmationEntity.Status.PENDING);
        assertThat(telegram.message(group, question.messageId()).hasButtons()).isTrue();

        // The owner can still confirm afterwards.
        telegram.awaitCallbackAnswer(telegram.press(owner, group, question.messageId(), question.buttonData("Confirm")));
        assertThat(telegram.awaitEdit(group, question.messageId()).plainText()).isEqualTo("Closed " + payload + ".");
        assertThat(closeAction.closedSoFar()).containsOnlyOnce(payload + " by " + owner);
    }

    @Test
    void expiredQuestion_isRefused_andEditedToSaySo() {
        long owner = telegram.newUser();
        String payload = "SOL-" + owner;
        telegram.userSays(owner, "/test_close " + payload);
        SentMessage question = telegram.awaitReplyTo(owner);
        String confirm = question.buttonData("Confirm");
        long id = Long.parseLong(confirm.substring(3));
        QuarkusTransaction.requiringNew().run(() -> em.find(ConfirmationEntity.class, id).expiresAt =
                Instant.now().minusSeconds(1));

        CallbackAnswer answer = telegram.awaitCallbackAnswer(telegram.press(owner, owner, question.messageId(), confirm));

        assertThat(answer.text()).isEqualTo("This confirmation expired.");
        SentMessage edited = telegram.awaitEdit(owner, question.messageId());
        assertThat(edited.plainText()).startsWith("⌛ This confirmation expired, so nothing was done.");
        assertThat(edited.hasButtons()).isFalse();
        assertThat(closeAction.closedSoFar()).noneMatch(entry -> entry.startsWith(payload));
        assertThat(statusOf(confirm)).isEqualTo(ConfirmationEntity.Status.EXPIRED);
    }

    @Test
    void cancel_editsTheQuestion_andDoesNotRunTheAction() {
        long owner = telegram.newUser();
        String payload = "XRP-" + owner;
        telegram.userSays(owner, "/test_close " + payload);
        SentMessage question = telegram.awaitReplyTo(owner);

        CallbackAnswer answer = telegram.awaitCallbackAnswer(
                telegram.press(owner, owner, question.messageId(), question.buttonData("Cancel")));

        assertThat(answer.text()).isEqualTo("Cancelled.");
        assertThat(telegram.awaitEdit(owner, question.messageId()).plainText()).isEqualTo("✖️ Cancelled. Nothing was changed.");
        assertThat(closeAction.closedSoFar()).noneMatch(entry -> entry.startsWith(payload));
        CallbackAnswer late = telegram.awaitCallbackAnswer(
                telegram.press(owner, owner, question.messageId(), question.buttonData("Confirm")));
        assertThat(late.text()).isEqualTo("This question was already answered.");
        assertThat(closeAction.closedSoFar()).noneMatch(entry -> entry.startsWith(payload));
    }

    @Test
    void actionRefusing_showsTheReason_andMarksTheQuestionFailed() {
        long owner = telegram.newUser();
        telegram.userSays(owner, "/test_close bad");
        SentMessage question = telegram.awaitReplyTo(owner);
        String confirm = question.buttonData("Confirm");

        CallbackAnswer answer = telegram.awaitCallbackAnswer(telegram.press(owner, owner, question.messageId(), confirm));

        assertThat(answer.text()).isEqualTo("⚠️ That one cannot be closed.");
        assertThat(telegram.awaitEdit(owner, question.messageId()).text()).isEqualTo("⚠️ That one cannot be closed.");
        assertThat(statusOf(confirm)).isEqualTo(ConfirmationEntity.Status.FAILED);
    }

    @Test
    void forgedOrUnknownButtonData_isAnsweredHarmlessly() {
        long user = telegram.newUser();
        telegram.userSays(user, "/test_count forged-" + user);
        SentMessage reply = telegram.awaitReplyTo(user);

        assertThat(telegram.awaitCallbackAnswer(telegram.press(user, user, reply.messageId(), "cf:999999999")).text())
                .isEqualTo("This button no longer works.");
        assertThat(telegram.awaitCallbackAnswer(telegram.press(user, user, reply.messageId(), "cf:abc")).text())
                .isEqualTo("This button no longer works.");
        assertThat(telegram.awaitCallbackAnswer(telegram.press(user, user, reply.messageId(), "zz:1")).text())
                .isEqualTo("This button no longer works.");
    }

    @Test
    void callbackHandler_editsInPlace_andItsOwnerCheckRefusesOthers() {
        long owner = telegram.newUser();
        long other = telegram.newUser();
        long group = telegram.newGroup();
        telegram.userSaysInGroup(owner, group, "/test_long 3");
        SentMessage report = telegram.awaitReplyTo(group);
        String data = report.buttonData("Refresh");
        int before = refresh.presses();

        CallbackAnswer refused = telegram.awaitCallbackAnswer(telegram.press(other, group, report.messageId(), data));
        assertThat(refused.text()).isEqualTo("⚠️ Only the person who asked can refresh this.");
        assertThat(refused.showAlert()).isTrue();

        CallbackAnswer ok = telegram.awaitCallbackAnswer(telegram.press(owner, group, report.messageId(), data));
        assertThat(ok.text()).isNull();
        SentMessage edited = telegram.awaitEdit(group, report.messageId());
        assertThat(edited.text()).isEqualTo("Refreshed " + (before + 1) + " time(s).");
        assertThat(edited.buttonLabels()).containsExactly("Refresh");
    }

    private ConfirmationEntity.Status statusOf(String callbackData) {
        long id = Long.parseLong(callbackData.substring(3));
        return QuarkusTransaction.requiringNew().call(() -> em.find(ConfirmationEntity.class, id).status);
    }
}
