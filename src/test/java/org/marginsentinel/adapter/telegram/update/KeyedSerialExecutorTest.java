package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {

    @Test
    void sameKey_runsInSubmissionOrder_oneAtATime() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(4, "test-");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            int n = i;
            executor.submit(7, () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                seen.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        assertThat(maxRunning.get()).isEqualTo(1);
        executor.close(Duration.ofSeconds(1));
    }

    @Test
    void blockedKey_doesNotBlockOtherKeys() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(2, "test-");
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        executor.submit(1, () -> {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.submit(2, otherRan::countDown);

        assertThat(otherRan.await(2, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        executor.close(Duration.ofSeconds(1));
    }

    @Test
    void failingTask_doesNotStopTheKeysQueue() throws Exception {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(1, "test-");
        CountDownLatch next = new CountDownLatch(1);
        executor.submit(3, () -> {
            throw new IllegalStateException("boom (test)");
        });
        executor.submit(3, next::countDown);

        assertThat(next.await(2, TimeUnit.SECONDS)).isTrue();
        executor.close(Duration.ofSeconds(1));
    }

    @Test
    void afterClose_tasksAreRefused() {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(1, "test-");
        executor.close(Duration.ZERO);

        assertThat(executor.submit(1, () -> { })).isFalse();
    }
}
