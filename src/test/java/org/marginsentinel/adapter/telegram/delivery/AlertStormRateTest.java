package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 5,000 queued warnings drained through the limiter on a simulated clock, with Telegram's real limits
 * (30/s overall, 1/s per private chat, 20/min per group) and calls lasting 20–300 ms: no limit is ever
 * exceeded, and the queue still drains at close to the global rate.
 */
class AlertStormRateTest {

    private static final int MESSAGES = 5_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void stormOf5000Warnings_neverExceedsGlobalChatOrGroupLimits(long seed) {
        Random random = new Random(seed);
        AtomicLong now = new AtomicLong(0);
        SendRateLimiter limiter = new SendRateLimiter(30, Duration.ofSeconds(1), 20, now::get);
        Deque<Long> queue = new ArrayDeque<>();
        for (int i = 0; i < MESSAGES; i++) {
            // 1,500 private chats (several warnings each) and 12 groups
            queue.add(random.nextInt(10) == 0 ? -(1 + random.nextInt(12)) : 1 + (long) random.nextInt(1_500));
        }
        List<long[]> inFlight = new ArrayList<>(); // {chatId, endsAt}
        List<Long> starts = new ArrayList<>();
        Map<Long, List<Long>> startsByChat = new HashMap<>();
        Map<Long, List<Long>> endsByChat = new HashMap<>();

        while (!queue.isEmpty() || !inFlight.isEmpty()) {
            inFlight.removeIf(call -> {
                if (call[1] <= now.get()) {
                    limiter.release(call[0]);
                    endsByChat.computeIfAbsent(call[0], c -> new ArrayList<>()).add(call[1]);
                    return true;
                }
                return false;
            });
            // one pass over the queue as the sender does: take what the limits allow now, leave the rest
            int size = queue.size();
            for (int i = 0; i < size && inFlight.size() < 8; i++) {
                long chat = queue.poll();
                if (limiter.tryAcquire(chat) == 0) {
                    long duration = 20 + random.nextInt(280);
                    inFlight.add(new long[] {chat, now.get() + duration});
                    starts.add(now.get());
                    startsByChat.computeIfAbsent(chat, c -> new ArrayList<>()).add(now.get());
                } else {
                    queue.add(chat);
                }
            }
            now.addAndGet(5);
        }

        assertThat(starts).hasSize(MESSAGES);
        assertThat(maxInWindow(starts, 1_000)).as("sends in any second").isLessThanOrEqualTo(30);
        startsByChat.forEach((chat, chatStarts) -> {
            if (SendRateLimiter.isGroup(chat)) {
                assertThat(maxInWindow(chatStarts, 60_000)).as("group %d per minute", chat).isLessThanOrEqualTo(20);
            } else {
                for (int i = 1; i < chatStarts.size(); i++) {
                    long previousEnd = endsByChat.get(chat).get(i - 1);
                    assertThat(chatStarts.get(i) - previousEnd).as("chat %d gap", chat).isGreaterThanOrEqualTo(1_000);
                }
            }
        });
        double seconds = now.get() / 1000.0;
        System.out.printf("storm seed %d: %,d messages in %.0f s simulated (%.1f/s)%n", seed, MESSAGES, seconds,
                MESSAGES / seconds);
    }

    private static int maxInWindow(List<Long> sortedTimes, long windowMillis) {
        List<Long> times = new ArrayList<>(sortedTimes);
        times.sort(Long::compare);
        int best = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= windowMillis) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }
}
