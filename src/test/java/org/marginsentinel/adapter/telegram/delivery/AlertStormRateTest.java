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
import org.marginsentinel.adapter.telegram.connection.SendRateLimiter;

/**
 * 5,000 queued warnings drained through the limiter on a simulated clock, with Telegram's real limits
 * (30/s overall, 1/s per private chat, 20/min per group) and calls lasting 20–300 ms: no limit is ever
 * exceeded, and the queue drains at no less than three quarters of the rate the limits allow. Simulated time, so
 * the rate is computed exactly, whatever the load of the machine running the test.
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
        long drained = now.get();
        long fastestPossible = fastestDrainMillis(startsByChat);
        assertThat(drained).as("simulated drain (ms) against the fastest the limits allow (%d ms, %.1f/s): %.1f/s",
                        fastestPossible, MESSAGES * 1000.0 / fastestPossible, MESSAGES * 1000.0 / drained)
                .isLessThanOrEqualTo(fastestPossible * 4 / 3); // seeds 1-3 reach 78% or more
    }

    /**
     * A lower bound of the drain time from the limits alone: the global 30/s, a group's 20 per minute (its n-th
     * send at least ⌈n/20⌉−1 minutes after its first), a private chat's one second between a call's end and the
     * next send (calls take at least 20 ms).
     */
    private static long fastestDrainMillis(Map<Long, List<Long>> startsByChat) {
        long fastest = MESSAGES * 1000L / 30;
        for (Map.Entry<Long, List<Long>> chat : startsByChat.entrySet()) {
            int sends = chat.getValue().size();
            long chatFastest = SendRateLimiter.isGroup(chat.getKey()) ? ((sends + 19) / 20 - 1) * 60_000L
                    : (sends - 1) * 1_020L;
            fastest = Math.max(fastest, chatFastest);
        }
        return fastest;
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
