package org.marginsentinel.application.watch;

import java.util.HashSet;
import java.util.Set;

/** {@link AdlWarnings} in memory: what a restart finds in the database. */
final class InMemoryAdlWarnings implements AdlWarnings {

    final Set<String> rows = new HashSet<>();

    @Override
    public Set<String> all() {
        return Set.copyOf(rows);
    }

    @Override
    public void told(long accountId, String subject) {
        rows.add(subject);
    }

    @Override
    public void cleared(String subject) {
        rows.remove(subject);
    }
}
