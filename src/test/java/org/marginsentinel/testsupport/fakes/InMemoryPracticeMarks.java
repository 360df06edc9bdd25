package org.marginsentinel.testsupport.fakes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.marginsentinel.application.port.PracticeMarks;

/** {@link PracticeMarks} in memory; marking a position twice fails as the table's primary key would. */
public final class InMemoryPracticeMarks implements PracticeMarks {

    private final Map<Long, Long> ownerByPosition = new HashMap<>();

    @Override
    public void mark(long userId, long positionId) {
        if (ownerByPosition.putIfAbsent(positionId, userId) != null) {
            throw new IllegalStateException("duplicate key: practice position " + positionId);
        }
    }

    @Override
    public Set<Long> practiceIds(Collection<Long> userIds) {
        return ownerByPosition.entrySet().stream().filter(e -> userIds.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
