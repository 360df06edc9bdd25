package org.marginsentinel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.update.UpdateHandler;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity;
import org.marginsentinel.testsupport.DirectUpdates;
import org.marginsentinel.adapter.telegram.update.ReceivedUpdate;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * One user fires 50 commands at the same moment, from 50 groups they share with the bot (updates of
 * different chats are handled in parallel), each handed to the real update handler on its
 * own thread. Each command needs more than half of what is free, so only some can succeed: the balance is
 * never spent twice, every command gets an answer (a confirmation or a reason), and the wallet, the
 * positions and the ledger add up exactly.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class SameUserConcurrencyTest {

    @InjectConversation
    Conversation chat;

    private static final int COMMANDS = 50;
    private static final String GENERIC_FAILURE = "Something went wrong";

    @Inject
    UpdateHandler handler;

    @Inject
    EntityManager em;

    private long user;

    @BeforeEach
    void openAccount() {
        chat.begin();
        chat.marks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2500"));
        user = chat.telegram().newUser();
        handler.handle(DirectUpdates.privateMessage(user, "/start"));
        assertThat(wallet()).isEqualByComparingTo("10000");
    }

    @Test
    void fiftyWithdrawalsAtOnce_neverTakeMoreThanTheWallet() throws Exception {
        List<String> replies = fireAtOnce("/withdraw 300");

        long done = replies.stream().filter(r -> r.startsWith("✅ Withdrew 300.00 USDT")).count();
        assertThat(replies).as("no command failed with an error").noneMatch(r -> r.contains(GENERIC_FAILURE));
        assertThat(done).as("33 × 300 fit into 10,000, a 34th does not").isEqualTo(33);
        assertThat(replies.stream().filter(r -> r.contains("You can withdraw at most"))).hasSize(COMMANDS - 33);
        assertThat(wallet()).isEqualByComparingTo("100");
        assertThat(ledgerSum()).as("the ledger explains the wallet").isEqualByComparingTo(wallet());
        assertThat(ledgerCount("WITHDRAWAL")).isEqualTo(33);
    }

    @Test
    void fiftyLongsEachNeedingMostOfTheBalance_openExactlyOne() throws Exception {
        // 0.1 BTC at 80,000 with 1x isolated needs 8,000 of margin: only one fits into 10,000.
        List<String> replies = fireAtOnce("/long BTC 0.1 1x");

        assertThat(replies).as("no command failed with an error").noneMatch(r -> r.contains(GENERIC_FAILURE));
        assertThat(replies.stream().filter(r -> r.contains("Opened at"))).hasSize(1);
        assertThat(replies.stream().filter(r -> r.contains("Not enough available balance"))).hasSize(COMMANDS - 1);
        assertThat(openPositions()).containsExactly("BTCUSDT LONG 0.1 ISOLATED 8000");
        assertThat(wallet()).isEqualByComparingTo("10000");
    }

    @Test
    void withdrawalsAndCrossLongsRacing_neverLeaveTheMarginUncovered() throws Exception {
        // Each /long ETH 1 1x cross needs 2,500 of initial margin, each /withdraw 2000 takes 2,000.
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            commands.add(i % 2 == 0 ? "/long ETH 1 1x cross" : "/withdraw 2000");
        }
        List<String> replies = fire(commands);

        assertThat(replies).as("no command failed with an error").noneMatch(r -> r.contains(GENERIC_FAILURE));
        long withdrawals = replies.stream().filter(r -> r.startsWith("✅ Withdrew")).count();
        long opens = replies.stream().filter(r -> r.contains("Opened at") || r.contains("Added")).count();
        BigDecimal expectedWallet = new BigDecimal("10000").subtract(new BigDecimal(2000 * withdrawals));
        assertThat(wallet()).isEqualByComparingTo(expectedWallet);
        assertThat(ledgerSum()).isEqualByComparingTo(wallet());
        BigDecimal ethHeld = openPositions().isEmpty() ? BigDecimal.ZERO
                : new BigDecimal(openPositions().get(0).split(" ")[2]);
        assertThat(ethHeld).as("one ETH per successful /long").isEqualByComparingTo(new BigDecimal(opens));
        assertThat(ethHeld.multiply(new BigDecimal("2500"))).as("initial margin never exceeds the wallet")
                .isLessThanOrEqualTo(wallet());
        assertThat(withdrawals + opens).as("something succeeded, and not everything").isBetween(1L, (long) COMMANDS - 1);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private List<String> fireAtOnce(String command) throws Exception {
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            commands.add(command);
        }
        return fire(commands);
    }

    /**
     * Sends command i in group i, all released at the same instant. These are personal commands, so each is
     * answered in the user's private chat (and the group gets a pointer there): returns those private replies.
     */
    private List<String> fire(List<String> commands) throws Exception {
        long lastRowBefore = lastOutboxId();
        List<Long> chats = new ArrayList<>();
        List<ReceivedUpdate> updates = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            long group = chat.telegram().newGroup();
            chats.add(group);
            updates.add(DirectUpdates.message(user, group, commands.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (ReceivedUpdate update : updates) {
                running.add(pool.submit(() -> {
                    start.await();
                    handler.handle(update);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (long group : chats) {
            assertThat(repliesIn(group, lastRowBefore)).as("the group only gets a pointer to the private chat")
                    .singleElement().asString().contains("Answered you in our private chat");
        }
        List<String> replies = repliesIn(user, lastRowBefore);
        assertThat(replies).as("one private reply per command").hasSize(commands.size());
        dropUnsent(lastRowBefore);
        return replies;
    }

    /** Nobody reads these replies, and at 1 a second to one chat they would delay the next test class. */
    private void dropUnsent(long afterRow) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxMessageEntity o set o.status ="
                        + " :dropped where o.id > :after and o.status = :pending")
                .setParameter("dropped", OutboxMessageEntity.Status.DROPPED)
                .setParameter("pending", OutboxMessageEntity.Status.PENDING)
                .setParameter("after", afterRow).executeUpdate());
    }

    private List<String> repliesIn(long chat, long afterRow) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select o.html from OutboxMessageEntity o where o.chatId = :chat and o.id > :after"
                                + " order by o.id", String.class)
                .setParameter("chat", chat).setParameter("after", afterRow).getResultList());
    }

    private long lastOutboxId() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(max(o.id), 0) from OutboxMessageEntity o", Long.class).getSingleResult());
    }

    private BigDecimal wallet() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select a.walletBalance from AccountEntity a where a.userId = :user", BigDecimal.class)
                .setParameter("user", user).getSingleResult());
    }

    private BigDecimal ledgerSum() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select coalesce(sum(l.amount), 0) from LedgerEntryEntity l where l.userId = :user", BigDecimal.class)
                .setParameter("user", user).getSingleResult());
    }

    private long ledgerCount(String kind) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(l) from LedgerEntryEntity l where l.userId = :user and str(l.kind) = :kind", Long.class)
                .setParameter("user", user).setParameter("kind", kind).getSingleResult());
    }

    private List<String> openPositions() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select p.symbol, p.side, p.quantity, p.marginMode, p.isolatedMargin from PositionEntity p"
                                + " where p.userId = :user and str(p.status) = 'OPEN' order by p.number", Object[].class)
                .setParameter("user", user).getResultList().stream()
                .map(row -> row[0] + " " + row[1] + " " + ((BigDecimal) row[2]).stripTrailingZeros().toPlainString()
                        + " " + row[3] + (row[4] == null ? "" : " " + ((BigDecimal) row[4]).stripTrailingZeros().toPlainString()))
                .toList());
    }
}
