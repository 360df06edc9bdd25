package org.marginsentinel.adapter.prices;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/** Records the price feed's events in tests. */
@Singleton
public class RecordedPriceEvents {

    public final List<MarksUpdated> updates = new CopyOnWriteArrayList<>();
    public final List<PriceFeedPaused> pauses = new CopyOnWriteArrayList<>();
    public final List<PriceFeedResumed> resumes = new CopyOnWriteArrayList<>();

    void onUpdate(@Observes MarksUpdated event) {
        updates.add(event);
    }

    void onPause(@Observes PriceFeedPaused event) {
        pauses.add(event);
    }

    void onResume(@Observes PriceFeedResumed event) {
        resumes.add(event);
    }

    public void clear() {
        updates.clear();
        pauses.clear();
        resumes.clear();
    }
}
