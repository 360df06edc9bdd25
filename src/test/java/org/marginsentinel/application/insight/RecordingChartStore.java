package org.marginsentinel.application.insight;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.marginsentinel.application.port.ChartHistoryStore;

/** A chart store that keeps what is saved in memory and reads back nothing: for tests of what gets written. */
final class RecordingChartStore implements ChartHistoryStore {

    final List<MarkSample> savedMarks = new CopyOnWriteArrayList<>();

    @Override
    public void save(List<MarkSample> marks, List<PoolSample> pools) {
        savedMarks.addAll(marks);
    }

    @Override
    public List<MarkSample> marks(String symbol, Instant from) {
        return List.of();
    }

    @Override
    public List<PoolSample> pool(long userId, Instant from) {
        return List.of();
    }

    @Override
    public int deleteBefore(Instant before) {
        return 0;
    }
}
