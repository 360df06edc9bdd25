package org.marginsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;

/**
 * Commands under Telegram's real limits (30 messages/s, 1 s per chat; the fake Bot API answers 429 over them):
 * <ol>
 *   <li>a steady 25 commands/s for 20 s from 500 users (each sends /start first, unmeasured), time from the
 *       update being offered on getUpdates to the reply arriving at the fake Bot API;</li>
 *   <li>a burst: 2,000 lesser warnings already queued, then 1,000 users write at once while 50 CRITICAL
 *       warnings are queued: every user is answered, and no lesser warning goes out before the last reply.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=CommandLatencyBench} (see docs/BENCHMARKS.md).
 */
@QuarkusTest
@TestProfile(BenchProfiles.TelegramLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLatencyBench {

    static final int RATE = 25;
    static final int SECONDS = Integer.getInteger("bench.steady.seconds", 20);
    static final int BURST = Integer.getInteger("bench.burst.users", 1_000);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    Outbox outbox;

    @Test
    @Order(1)
    void steadyTwentyFivePerSecond() throws Exception {
        priceApi.servesBinanceMarks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2600"));
        feed.pollOnce();
        int total = RATE * SECONDS;
        long[] users = new long[total];
        for (int i = 0; i < total; i++) {
            users[i] = telegram.newUser();
        }
        // accounts first, paced like the measurement, so the measured commands find them
        pace(total, i -> telegram.userSays(users[i], "/start"));
        for (long user : users) {
            telegram.awaitReplyTo(user, Duration.ofSeconds(60));
        }
        Thread.sleep(2_000);

        long[] pushed = new long[total];
        pace(total, i -> {
            pushed[i] = System.nanoTime();
            telegram.userSays(users[i], Commands.of(i));
        });
        double[] latencies = new double[total];
        for (int i = 0; i < total; i++) {
            long user = users[i];
            List<RecordedCall> replies = telegram.awaitCalls(c -> c.method().equals("sendmessage") && c.succeeded()
                    && c.chatId() != null && c.chatId() == user, 2, Duration.ofSeconds(60));
            latencies[i] = (replies.get(1).nanoTime() - pushed[i]) / 1e6;
        }
        long refused = telegram.calls().stream().filter(c -> c.status() == 429).count();
        double p99 = BenchReport.percentile(latencies, 99);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d commands/s for %d s (%,d commands of %s), one per user", RATE, SECONDS,
                total, Commands.MIX));
        lines.add("update offered on getUpdates -> reply at the fake Bot API: p50 "
                + BenchReport.millis(BenchReport.percentile(latencies, 50)) + ", p90 "
                + BenchReport.millis(BenchReport.percentile(latencies, 90)) + ", p99 " + BenchReport.millis(p99)
                + ", max " + BenchReport.millis(BenchReport.percentile(latencies, 100)) + "; 429s: " + refused);
        lines.add("target p99 <= 100 ms: " + BenchReport.verdict(p99 <= 100));
        BenchReport.print("Command latency at 25/s (CommandLatencyBench)", lines);
        assertThat(refused).as("429s").isZero();
    }

    @Test
    @Order(2)
    void burstOfAThousandUsers() throws Exception {
        Set<Long> lesser = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            lesser.add(telegram.newUser());
        }
        queue(lesser, "🟡 WARNING backlog", OutgoingMessage.PRIORITY_WARNING);
        long[] users = new long[BURST];
        for (int i = 0; i < BURST; i++) {
            users[i] = telegram.newUser();
        }
        Set<Long> critical = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            critical.add(telegram.newUser());
        }
        int callsBefore = telegram.calls().size();
        long start = System.nanoTime();
        for (long user : users) {
            telegram.userSays(user, "/start");
        }
        queue(critical, "🔴 CRITICAL in the burst", OutgoingMessage.PRIORITY_CRITICAL);
        for (long user : users) {
            telegram.awaitReplyTo(user, Duration.ofMinutes(3));
        }
        List<RecordedCall> calls = telegram.calls().subList(callsBefore, telegram.calls().size());
        List<RecordedCall> sends = calls.stream().filter(c -> c.method().equals("sendmessage") && c.succeeded()).toList();
        Set<Long> burstUsers = new HashSet<>();
        for (long user : users) {
            burstUsers.add(user);
        }
        long lastReply = sends.stream().filter(c -> burstUsers.contains(c.chatId())).mapToLong(RecordedCall::nanoTime)
                .max().orElseThrow();
        long lastCritical = sends.stream().filter(c -> critical.contains(c.chatId())).mapToLong(RecordedCall::nanoTime)
                .max().orElse(Long.MAX_VALUE);
        long firstReply = sends.stream().filter(c -> burstUsers.contains(c.chatId())).mapToLong(RecordedCall::nanoTime)
                .min().orElseThrow();
        long lesserBeforeFirstReply = sends.stream().filter(c -> lesser.contains(c.chatId())
                && c.nanoTime() < firstReply).count();
        long lesserBeforeLastReply = sends.stream().filter(c -> lesser.contains(c.chatId())
                && c.nanoTime() > firstReply && c.nanoTime() < lastReply).count();
        long criticalSent = sends.stream().filter(c -> critical.contains(c.chatId())).count();
        long refused = calls.stream().filter(c -> c.status() == 429).count();
        double seconds = (lastReply - start) / 1e9;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d users write at once; 2,000 lesser warnings queued before, 50 CRITICAL"
                + " queued with the burst", BURST));
        lines.add(String.format(Locale.ROOT, "all %,d answered in %.1f s (%.1f replies/s), first reply %.0f ms after the"
                + " burst began; CRITICAL sent: %d, the last %.1f s after the burst began; 429s: %d", BURST, seconds,
                BURST / seconds, (firstReply - start) / 1e6, criticalSent, (lastCritical - start) / 1e9, refused));
        long overtaking = lesserSentWhileAReplyWaited();
        lines.add(String.format(Locale.ROOT, "lesser warnings sent between the first and the last reply: %d (before the"
                + " first reply: %d); of them sent while a reply or CRITICAL was already queued (created > 200 ms"
                + " before, per the outbox table): %d", lesserBeforeLastReply, lesserBeforeFirstReply, overtaking));
        lines.add("target every user answered, replies and CRITICAL ahead of lesser warnings: "
                + BenchReport.verdict(overtaking == 0 && criticalSent == 50 && lastCritical < lastReply));
        BenchReport.print("Command burst (CommandLatencyBench)", lines);
        assertThat(refused).as("429s").isZero();
    }

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * Lesser warnings (priority above a reply's) that went out while a more urgent row (reply or CRITICAL)
     * had been queued for more than 200 ms (its transaction certainly committed) and was still unsent.
     */
    private long lesserSentWhileAReplyWaited() throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from telegram_outbox w where w.priority > "
                     + OutgoingMessage.PRIORITY_REPLY + " and w.status = 'SENT' and exists (select 1 from telegram_outbox r"
                     + " where r.priority <= " + OutgoingMessage.PRIORITY_REPLY
                     + " and r.created_at < dateadd(millisecond, -200, w.sent_at)"
                     + " and (r.sent_at is null or r.sent_at > w.sent_at))")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Transactional
    void queue(Set<Long> chats, String text, int priority) {
        for (long chat : chats) {
            outbox.enqueue(OutgoingMessage.to(chat, text).withPriority(priority));
        }
    }

    /** Runs {@code action(i)} for i in [0, count) at {@link #RATE} per second, on schedule (no drift). */
    private static void pace(int count, java.util.function.IntConsumer action) throws InterruptedException {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            action.accept(i);
        }
    }
}
