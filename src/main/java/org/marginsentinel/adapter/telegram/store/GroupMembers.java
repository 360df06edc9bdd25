package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;

/** What the update handling records about groups: the port of {@link GroupDirectory}. */
public interface GroupMembers {

    /** Records that the member wrote a command in the group (name and forum topic as of now). */
    void touchMember(long chatId, long userId, String displayName, Integer threadId, Instant now);

    /** The bot left the group: no more alerts and no board to edit there. */
    void botRemoved(long chatId, Instant now);
}
