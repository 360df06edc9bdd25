package org.marginsentinel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;

/**
 * One user sends 100 commands a second for three seconds while another user chats normally. The flood is
 * cut to the per-user limit (20 at once, then 2 a second) with one polite notice, the skipped commands change
 * nothing, and the other user's replies keep coming as fast as ever.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class FloodE2ETest {

    private static final String NOTICE = "That is more than I take at once";

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    EntityManager em;

    @Test
    void oneUserFlooding_isSlowedWithOneNotice_andOthersAreNotSlowed() throws Exception {
        long flooder = telegram.newUser();
        long calm = telegram.newUser();
        say(flooder, "/start");
        say(calm, "/start");

        List<String> calmReplies = new ArrayList<>();
        long floodStart = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            telegram.userSays(flooder, "/deposit 1");
            if (i % 25 == 12) {                        // every quarter second the calm user asks something
                telegram.userSays(calm, "/balance");
                calmReplies.add(telegram.awaitReplyTo(calm, Duration.ofSeconds(5)).plainText());
            }
            long due = floodStart + (i + 1) * 10_000_000L;  // 100 per second
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

        // The bot works through what it accepted (replies to one chat may be merged into one message).
        Eventually.until("every accepted deposit answered", Duration.ofSeconds(20),
                () -> deposits(flooder) > 0 && deposits(flooder) == occurrences(flooder, "✅ Deposited"));
        Thread.sleep(500);
        long accepted = deposits(flooder);
        assertThat(occurrences(flooder, "✅ Deposited")).as("one reply per accepted deposit").isEqualTo(accepted);
        long notices = occurrences(flooder, NOTICE);

        assertThat(notices).as("told once, not once per skipped command").isEqualTo(1);
        assertThat(accepted).as("the burst plus about two a second, out of 300")
                .isBetween(20L, 20L + Math.round(2 * floodSeconds) + 2);
        assertThat(wallet(flooder)).as("skipped deposits changed nothing")
                .isEqualByComparingTo(new BigDecimal(10_000 + accepted));
        // Not slowed: every question of the calm user during the flood was answered, and never held back
        // (counted, not timed: a reply-time bound would fail on a loaded machine rather than on a bug).
        assertThat(calmReplies).as("the calm user's replies while the flood lasted").hasSize(12)
                .allMatch(reply -> reply.contains("Wallet: 10,000.00 USDT"));
        assertThat(occurrences(calm, NOTICE)).as("the calm user is never told to slow down").isZero();
        assertThat(say(calm, "/balance")).contains("Wallet: 10,000.00 USDT");
    }

    private String say(long user, String text) {
        telegram.userSays(user, text);
        return telegram.awaitReplyTo(user).plainText();
    }

    private long occurrences(long chat, String fragment) {
        return telegram.sentTo(chat).stream()
                .mapToLong(m -> m.plainText().split(java.util.regex.Pattern.quote(fragment), -1).length - 1).sum();
    }

    private long deposits(long user) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select count(l) from LedgerEntryEntity l where l.userId = :user and str(l.kind) = 'DEPOSIT'",
                        Long.class)
                .setParameter("user", user).getSingleResult());
    }

    private BigDecimal wallet(long user) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select a.walletBalance from AccountEntity a where a.userId = :user", BigDecimal.class)
                .setParameter("user", user).getSingleResult());
    }
}
