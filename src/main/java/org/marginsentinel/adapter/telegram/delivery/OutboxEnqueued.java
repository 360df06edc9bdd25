package org.marginsentinel.adapter.telegram.delivery;

/**
 * CDI event fired by {@link Outbox#enqueue}: the sender wakes up once the transaction commits, and
 * the queued-message counter counts {@code rows} (parts of a split message) of this priority.
 * {@code sendRank}: their order within the priority (lower first).
 */
public record OutboxEnqueued(long chatId, int priority, int rows, long sendRank) {

    public OutboxEnqueued(long chatId, int priority, int rows) {
        this(chatId, priority, rows, Long.MAX_VALUE);
    }
}
