package org.marginsentinel.application.watch;

import java.time.Duration;
import org.marginsentinel.domain.watch.PollPlanner;

/**
 * @param maxPerUser       how many accounts one user may watch
 * @param unavailableAfter how long an account's data may be missing before its user is told (once)
 * @param polling          the weight budget and intervals of the poll scheduler
 */
public record WatchSettings(int maxPerUser, Duration unavailableAfter, PollPlanner.Settings polling) {

    public static final WatchSettings DEFAULTS = new WatchSettings(5, Duration.ofMinutes(2),
            PollPlanner.Settings.DEFAULTS);
}
