package org.marginsentinel.adapter.telegram.update;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs tasks on a fixed pool so that tasks with the same key run one at a time in submission
 * order, while different keys run in parallel. Keys take turns: after each task the key goes
 * to the back of the pool's queue, so one busy chat cannot monopolise a worker.
 */
final class KeyedSerialExecutor {

    private static final Logger LOG = Logger.getLogger(KeyedSerialExecutor.class);

    private final ExecutorService pool;
    private final Map<Long, ArrayDeque<Runnable>> queues = new HashMap<>();
    private boolean closed;

    KeyedSerialExecutor(int threads, String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, namePrefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return false if the executor was already closed (the task is dropped) */
    synchronized boolean submit(long key, Runnable task) {
        if (closed) {
            return false;
        }
        ArrayDeque<Runnable> queue = queues.get(key);
        if (queue != null) {
            queue.addLast(task);
            return true;
        }
        queues.put(key, new ArrayDeque<>());
        schedule(key, task);
        return true;
    }

    private void schedule(long key, Runnable task) {
        try {
            pool.execute(() -> run(key, task));
        } catch (RejectedExecutionException e) {
            queues.remove(key);
        }
    }

    private void run(long key, Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.errorf(t, "Task for key %d failed", key);
        }
        synchronized (this) {
            ArrayDeque<Runnable> queue = queues.get(key);
            Runnable next = queue == null ? null : queue.pollFirst();
            if (next == null) {
                queues.remove(key);
            } else {
                schedule(key, next);
            }
        }
    }

    /** Stops accepting tasks, lets running and queued ones finish for up to {@code grace}, then interrupts. */
    void close(Duration grace) {
        synchronized (this) {
            closed = true;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    if (queues.isEmpty()) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
