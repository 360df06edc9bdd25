package org.marginsentinel.adapter.telegram.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SendRateLimiter limiter = new SendRateLimiter(3, Duration.ofSeconds(1), 2, now::get);

    @Test
    void privateChat_oneCallAtATime_thenTheIntervalAfterItFinished() {
        assertThat(limiter.tryAcquire(42)).isZero();
        assertThat(limiter.tryAcquire(42)).as("in flight").isPositive();
        now.addAndGet(300);
        limiter.release(42);
        assertThat(limiter.tryAcquire(42)).isEqualTo(1000);
        now.addAndGet(999);
        assertThat(limiter.tryAcquire(42)).isEqualTo(1);
        now.addAndGet(1);
        assertThat(limiter.tryAcquire(42)).isZero();
    }

    @Test
    void global_atMostPerSecondCalls_countedUntilOneSecondAfterEachFinished() {
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(2)).isZero();
        assertThat(limiter.tryAcquire(3)).isZero();
        assertThat(limiter.tryAcquire(4)).as("three in flight").isPositive();
        now.addAndGet(100);
        limiter.release(1);
        assertThat(limiter.tryAcquire(4)).as("finished call still counts for a second").isEqualTo(1000);
        now.addAndGet(1000);
        assertThat(limiter.tryAcquire(4)).isZero();
        assertThat(limiter.tryAcquire(5)).isPositive();
    }

    @Test
    void global_onlyCalls_useNoChatState() {
        assertThat(limiter.tryAcquire(SendRateLimiter.NO_CHAT)).isZero();
        assertThat(limiter.tryAcquire(SendRateLimiter.NO_CHAT)).as("no per-chat gap for global calls").isZero();
        limiter.release(SendRateLimiter.NO_CHAT);
        limiter.release(SendRateLimiter.NO_CHAT);
        assertThat(limiter.tryAcquire(7)).isZero();
        assertThat(limiter.tryAcquire(8)).as("3 per second, 2 answers + 1 send used").isPositive();
    }

    @Test
    void group_atMostPerMinuteCalls() {
        long group = -100123;
        for (int i = 0; i < 2; i++) {
            assertThat(limiter.tryAcquire(group)).isZero();
            now.addAndGet(10);
            limiter.release(group);
            now.addAndGet(1000);
        }
        long firstFreesAt = 1_000_000 + 10 + 60_000;
        assertThat(limiter.tryAcquire(group)).isEqualTo(firstFreesAt - now.get());
        now.set(firstFreesAt);
        assertThat(limiter.tryAcquire(group)).isZero();
    }

    @Test
    void groupLimit_doesNotApplyToPrivateChats() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(77)).isZero();
            limiter.release(77);
            now.addAndGet(1000);
        }
    }

    @Test
    void pauseChat_blocksOnlyThatChat() {
        limiter.pauseChat(42, Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire(42)).isEqualTo(5000);
        assertThat(limiter.tryAcquire(43)).isZero();
        now.addAndGet(5000);
        assertThat(limiter.tryAcquire(42)).isZero();
    }

    @Test
    void refusedChat_doesNotUseAGlobalSlot() {
        limiter.pauseChat(42, Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire(42);
        }
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(2)).isZero();
        assertThat(limiter.tryAcquire(3)).isZero();
    }

    @Test
    void acquire_waitsForARelease() throws Exception {
        SendRateLimiter real = new SendRateLimiter(1, Duration.ZERO, 20);
        assertThat(real.acquire(5, Duration.ofMillis(10))).isTrue();
        assertThat(real.acquire(6, Duration.ofMillis(50))).as("global budget of 1 is in use").isFalse();
        real.release(5);
        long start = System.nanoTime();
        assertThat(real.acquire(6, Duration.ofSeconds(3))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void globalWait_tellsWhenNoChatCanBeServed_untilTheOldestSlotFrees() {
        SendRateLimiter limiter = new SendRateLimiter(2, Duration.ofSeconds(1), 20, now::get);
        assertThat(limiter.globalWait()).isZero();
        limiter.tryAcquire(1);
        limiter.tryAcquire(2);
        assertThat(limiter.globalWait()).as("two in flight").isPositive();
        limiter.release(1);
        assertThat(limiter.globalWait()).as("a finished call counts for a second").isEqualTo(1000);
        now.addAndGet(1000);
        assertThat(limiter.globalWait()).isZero();
        assertThat(limiter.tryAcquire(3)).isZero();
    }

    @Test
    void chatWait_tellsWhenTheChatsOwnLimitsAllowACall_andTakesNothing() {
        long group = -100123;
        assertThat(limiter.chatWait(42)).as("never seen").isZero();
        assertThat(limiter.tryAcquire(42)).isZero();
        assertThat(limiter.chatWait(42)).as("in flight").isPositive();
        now.addAndGet(100);
        limiter.release(42);
        assertThat(limiter.chatWait(42)).as("one second after the call finished").isEqualTo(1000);
        limiter.pauseChat(43, Duration.ofSeconds(5));
        assertThat(limiter.chatWait(43)).as("paused by a 429").isEqualTo(5000);
        for (int i = 0; i < 2; i++) {
            limiter.tryAcquire(group);
            limiter.release(group);
            now.addAndGet(1000);
        }
        assertThat(limiter.chatWait(group)).as("group at its 2 a minute").isPositive();

        assertThat(limiter.chatWait(44)).isZero();
        assertThat(limiter.chatWait(44)).as("peeking took no slot").isZero();
        assertThat(limiter.tryAcquire(44)).isZero();
        assertThat(limiter.tryAcquire(45)).isZero();
    }
}
