package org.marginsentinel.adapter.prices;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/** Records the price feed's events in tests. */
@Singleton
public class RecordedPriceEvents {

    public final List<MarksUpdated> updates = new CopyOnWriteArrayList<>();
    public final List<PriceFeedPaused> pauses = new CopyOnWriteArrayList<>();
    public final List<PriceFeedResumed> resumes = new CopyOnWriteArrayList<>();
    /** The thread each {@link MarksUpdated} was observed on. */
    public final List<String> updateThreads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdUpdates;

    void onUpdate(@Observes MarksUpdated event) throws InterruptedException {
        updates.add(event);
        updateThreads.add(Thread.currentThread().getName());
        CountDownLatch hold = holdUpdates;
        if (hold != null) {
            hold.await(30, TimeUnit.SECONDS); // a slow risk tick
        }
    }

    /** Makes every observed update wait (like a slow tick) until the returned latch is counted down. */
    public CountDownLatch holdUpdates() {
        CountDownLatch hold = new CountDownLatch(1);
        holdUpdates = hold;
        return hold;
    }

    void onPause(@Observes PriceFeedPaused event) {
        pauses.add(event);
    }

    void onResume(@Observes PriceFeedResumed event) {
        resumes.add(event);
    }

    /** Waits (up to 10 s) until {@code count} updates were observed; true if they were. */
    public boolean awaitUpdates(int count) throws InterruptedException {
        for (int i = 0; i < 1000 && updates.size() < count; i++) {
            Thread.sleep(10);
        }
        return updates.size() >= count;
    }

    public void clear() {
        CountDownLatch hold = holdUpdates;
        holdUpdates = null;
        if (hold != null) {
            hold.countDown();
        }
        updates.clear();
        updateThreads.clear();
        pauses.clear();
        resumes.clear();
    }
}
