package org.marginsentinel.adapter.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' {@link CheckpointDurability}: the real one, except that a test can make the next flushes of one thread fail (a
 * disk that refuses to write) and read which flushes happened when, until {@link #disarm()}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FaultyDurability extends CheckpointDurability {

    /** One call of {@link #flush()}: on which thread, when ({@link System#nanoTime()}), whether it failed. */
    public record Flush(String thread, long nanoTime, boolean failed) {
    }

    private static final AtomicInteger FAILURES = new AtomicInteger();
    private static volatile String failingThread = "";
    private static final List<Flush> FLUSHES = new CopyOnWriteArrayList<>();

    /** The next {@code count} flushes on threads named {@code threadName} throw, and nothing is written. */
    public static void failNext(int count, String threadName) {
        FLUSHES.clear();
        failingThread = threadName;
        FAILURES.set(count);
    }

    /** Back to the real behaviour, recording nothing (the list would grow with every flush of a long test run). */
    public static void disarm() {
        failingThread = "";
        FAILURES.set(0);
        FLUSHES.clear();
    }

    /** The flushes since the last {@link #failNext}, oldest first. */
    public static List<Flush> flushes() {
        return List.copyOf(FLUSHES);
    }

    @Override
    public void flush() throws SQLException {
        String thread = Thread.currentThread().getName();
        if (thread.equals(failingThread) && FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            FLUSHES.add(new Flush(thread, System.nanoTime(), true));
            throw new SQLException("the disk refuses to write (test)");
        }
        super.flush();
        if (!failingThread.isEmpty()) {
            FLUSHES.add(new Flush(thread, System.nanoTime(), false));
        }
    }
}
