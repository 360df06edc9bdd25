package org.marginsentinel.adapter.telegram.command;

import java.util.Optional;

/**
 * What the update handling needs of the {@link CommandRegistry}: the handler for a command name, a confirmation's
 * action key or a button's callback data. An interface so that handling can be tested with a few commands.
 */
public interface CommandLookup {

    Optional<ChatCommand> command(String name);

    Optional<ConfirmableAction> action(String key);

    /** The handler with the longest prefix that {@code callbackData} starts with. */
    Optional<CallbackHandler> callbackHandler(String callbackData);
}
