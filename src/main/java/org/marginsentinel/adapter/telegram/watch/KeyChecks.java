package org.marginsentinel.adapter.telegram.watch;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.watch.KeyedWatchList;

/**
 * The key check of the update being handled (one update per request), made before its transaction
 * ({@link KeyedWatchFlow#check}) and taken by the command inside it. Held in memory for that one update only.
 */
@RequestScoped
public class KeyChecks {

    private record Check(long userId, List<String> args, KeyedWatchList.Outcome outcome) {
    }

    private Check check;

    void put(long userId, List<String> args, KeyedWatchList.Outcome outcome) {
        check = new Check(userId, List.copyOf(args), outcome);
    }

    /** The check made for exactly these words of this user, once; empty when none was made. */
    Optional<KeyedWatchList.Outcome> take(long userId, List<String> args) {
        Check made = check;
        check = null;
        return made != null && made.userId() == userId && made.args().equals(args) ? Optional.of(made.outcome())
                : Optional.empty();
    }
}
