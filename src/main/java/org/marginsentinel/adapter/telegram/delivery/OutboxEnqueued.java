package org.marginsentinel.adapter.telegram.delivery;

/** CDI event fired by {@link Outbox#enqueue}; the sender wakes up once the transaction commits. */
public record OutboxEnqueued(long chatId) {
}
