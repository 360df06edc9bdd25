package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;

/**
 * A group's settings row, locked for the caller's transaction ({@link GroupDirectory#lockGroup}): what the group
 * commands read and change, written at commit. The entity itself stays in this package.
 */
public final class LockedGroup {

    private final TelegramGroupEntity row;

    LockedGroup(TelegramGroupEntity row) {
        this.row = row;
    }

    TelegramGroupEntity row() {
        return row;
    }

    /** When the board was last drawn (posted or edited); null if never. */
    public Instant boardRenderedAt() {
        return row.boardRenderedAt;
    }

    /** The board was drawn again in place (an edit). */
    public void boardRendered(Instant at) {
        row.boardRenderedAt = at;
    }

    /** A new board message was queued: later refreshes edit that one. */
    public void boardPosted(long outboxId, Integer threadId, Instant at) {
        row.boardOutboxId = outboxId;
        row.boardThreadId = threadId;
        row.boardRenderedAt = at;
    }

    public boolean alertsEnabled() {
        return row.alertsEnabled;
    }

    /** Turns group alerts on (into {@code threadId}, the forum topic, or the main chat if null) or off. */
    public void alerts(boolean on, Integer threadId, Instant now) {
        row.alertsEnabled = on;
        row.alertsThreadId = on ? threadId : null;
        row.updatedAt = now;
    }
}
