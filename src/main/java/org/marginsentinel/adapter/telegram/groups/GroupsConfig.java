package org.marginsentinel.adapter.telegram.groups;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code sentinel.groups.*}; every key is documented in application.properties. */
@ConfigMapping(prefix = "sentinel.groups")
public interface GroupsConfig {

    /** Group alerts wait this long so that alerts arriving together go out as one message. */
    @WithDefault("5s")
    Duration alertBatchWindow();

    /** A board is re-rendered at most this often (refresh button and /board). */
    @WithDefault("10s")
    Duration boardRefreshInterval();

    /** Members shown on a board or leaderboard; the rest are counted. */
    @WithDefault("25")
    int boardMaxMembers();
}
