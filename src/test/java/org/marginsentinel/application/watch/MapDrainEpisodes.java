package org.marginsentinel.application.watch;

import java.util.HashMap;
import java.util.Map;

/** Drain episodes kept in a map, as the database keeps them across a restart of every in-memory part. */
final class MapDrainEpisodes implements DrainEpisodes {

    final Map<String, Episode> rows = new HashMap<>();

    @Override
    public Map<String, Episode> all() {
        return Map.copyOf(rows);
    }

    @Override
    public void save(String subject, Episode episode) {
        rows.put(subject, episode);
    }

    @Override
    public void end(String subject) {
        rows.remove(subject);
    }
}
