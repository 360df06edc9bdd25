package org.marginsentinel.adapter.telegram.command;

import java.util.List;

/**
 * A command that calls a remote service (an exchange) before its update's transaction opens, so that no database
 * transaction, connection or lock is held while the service answers: {@link #beforeTransaction} runs first, may
 * remember what it learned in the request scope, and {@link ChatCommand#handle} then only stores, in a short
 * transaction. A replayed update is checked again but handled once.
 */
public interface CallsOutsideTransaction {

    /** The command's words as parsed, before any transaction; must not write to the database. */
    void beforeTransaction(long userId, boolean privateChat, List<String> args);
}
