package org.marginsentinel.adapter.telegram.delivery;

import java.util.List;

/** Queues messages for Telegram in the caller's transaction: the port of the {@link Outbox}. */
public interface MessageQueue {

    /**
     * Queues a message (held until a user opens the private chat; nothing for a chat that blocked the bot).
     *
     * @return ids of the stored rows: one per part of a split message; empty when nothing was queued
     */
    List<Long> enqueue(OutgoingMessage message);

    /** The same for a chat the caller's transaction has just recorded or read as active: no second read of it. */
    List<Long> enqueueForActiveChat(OutgoingMessage message);
}
