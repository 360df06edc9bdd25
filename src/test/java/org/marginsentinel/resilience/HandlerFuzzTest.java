package org.marginsentinel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.update.UpdateHandler;
import org.marginsentinel.testsupport.CommandTexts;
import org.marginsentinel.testsupport.DirectUpdates;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * A sample of the fuzzed command texts (see {@code CommandFuzzTest}, which runs 100,000 through the parsers)
 * through the real update handler with the database, for a user who has an account with an isolated and a
 * cross position. No text makes a handler fail (the user would get the generic apology), every text gets a
 * reply or is ignored on purpose, and whenever the reply is a refusal the user's account, positions, ledger
 * and alert settings are exactly as before. The texts come from a fixed seed, so a failure can be replayed.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class HandlerFuzzTest {

    @InjectConversation
    Conversation chat;

    private static final int SAMPLE = 1_200;
    private static final long SEED = 20310301L;
    private static final String GENERIC_FAILURE = "Something went wrong on our side";

    @Inject
    UpdateHandler handler;

    @Inject
    EntityManager em;

    @Test
    void fuzzedCommands_neverFailAHandler_andEveryRefusalChangesNothing() {
        List<String> texts = CommandTexts.stream(SEED).limit(SAMPLE).toList();
        chat.begin();
        long user = chat.telegram().newUser();
        freshMarks();
        send(user, "/start");
        send(user, "/long BTC 0.01 10x");
        send(user, "/long ETH 0.5 cross");
        assertThat(state(user)).contains("BTCUSDT", "ETHUSDT");

        int refused = 0;
        int accepted = 0;
        int silent = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (i % 250 == 0) {
                freshMarks(); // marks go stale after 15 s; keep trading possible
            }
            String text = texts.get(i);
            String before = state(user);
            List<String> replies = send(user, text);
            String after = state(user);
            String context = "text #" + i + " " + quote(text) + " -> " + replies;

            assertThat(replies).as(context).noneMatch(reply -> reply.contains(GENERIC_FAILURE));
            if (replies.isEmpty()) {
                silent++;
                assertThat(after).as("ignored, so unchanged: " + context).isEqualTo(before);
            } else if (replies.get(0).startsWith("⚠️") || replies.get(0).startsWith("I don't know")
                    || replies.get(0).startsWith("I only understand")) {
                refused++;
                assertThat(after).as("refused, so unchanged: " + context).isEqualTo(before);
            } else {
                accepted++;
            }
        }
        System.out.printf("Handler fuzz: %d texts, %d refused, %d accepted, %d ignored%n", texts.size(), refused,
                accepted, silent);
        assertThat(refused).as("the sample reaches the refusal paths").isGreaterThan(SAMPLE / 2);
        assertThat(accepted).as("and some commands go through").isPositive();
    }

    private void freshMarks() {
        chat.marks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2500", "SOLUSDT", "110"));
    }

    /** Handles the text as the user's private message; returns the replies it queued (and drops them). */
    private List<String> send(long user, String text) {
        long before = lastOutboxId();
        handler.handle(DirectUpdates.privateMessage(user, text));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> replies = em.createQuery("select o.html from OutboxMessageEntity o"
                            + " where o.chatId = :chat and o.id > :after order by o.id", String.class)
                    .setParameter("chat", user).setParameter("after", before).getResultList();
            // Nobody reads these replies: keep the outbox from filling up for the other tests.
            em.createQuery("update OutboxMessageEntity o set o.status = 'DROPPED' where o.chatId = :chat"
                    + " and o.status = 'PENDING'").setParameter("chat", user).executeUpdate();
            return replies;
        });
    }

    private long lastOutboxId() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(max(o.id), 0) from OutboxMessageEntity o", Long.class).getSingleResult());
    }

    /** Everything a command may change for the user, as one comparable string. */
    private String state(long user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder state = new StringBuilder();
            em.createQuery("select a.walletBalance, a.nextPositionNumber from AccountEntity a where a.userId = :u",
                    Object[].class).setParameter("u", user).getResultList()
                    .forEach(row -> state.append("account ").append(row[0]).append(' ').append(row[1]).append('\n'));
            em.createQuery("select p.number, p.symbol, p.side, p.marginMode, p.quantity, p.entryPrice, p.leverage,"
                            + " p.isolatedMargin, p.status from PositionEntity p where p.userId = :u order by p.id",
                    Object[].class).setParameter("u", user).getResultList()
                    .forEach(row -> state.append("position ").append(java.util.Arrays.toString(row)).append('\n'));
            state.append("ledger ").append(em.createQuery(
                    "select count(l) from LedgerEntryEntity l where l.userId = :u", Long.class)
                    .setParameter("u", user).getSingleResult()).append('\n');
            em.createNativeQuery("select * from alert_preferences where user_id = ?1").setParameter(1, user)
                    .getResultList().forEach(row -> state.append("alerts ")
                            .append(java.util.Arrays.toString((Object[]) row)).append('\n'));
            return state.toString();
        });
    }

    private static String quote(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return "\"" + shown.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
