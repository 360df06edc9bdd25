package org.marginsentinel.testsupport.fakes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marginsentinel.application.AccountChanges;

/**
 * {@link AccountChanges} for plain tests: collects the users written during an operation, as the transaction would,
 * until the test "commits" them with {@link #committed()}.
 */
public final class RecordingAccountChanges implements AccountChanges {

    private final Set<Long> written = new LinkedHashSet<>();

    @Override
    public void written(long userId) {
        written.add(userId);
    }

    /** The users written since the last call, once each, in order; forgets them. */
    public List<Long> committed() {
        List<Long> users = List.copyOf(written);
        written.clear();
        return users;
    }
}
