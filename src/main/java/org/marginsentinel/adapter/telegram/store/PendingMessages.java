package org.marginsentinel.adapter.telegram.store;

/** Withdrawing what is queued for a chat the bot left: the port of {@link OutboxStore}. */
public interface PendingMessages {

    /** Drops every message still waiting for the chat; returns how many. */
    int dropPending(long chatId, String reason);
}
