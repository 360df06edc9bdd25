package org.marginsentinel.testsupport.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.CallbackHandler;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandLookup;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;

/** {@link CommandLookup} over the few commands, actions and button handlers a test adds. */
public final class FixedCommands implements CommandLookup {

    private final Map<String, ChatCommand> commands = new HashMap<>();
    private final Map<String, ConfirmableAction> actions = new HashMap<>();
    private final Map<String, CallbackHandler> callbackHandlers = new HashMap<>();

    public FixedCommands add(ChatCommand command) {
        commands.put(command.name(), command);
        return this;
    }

    public FixedCommands add(ConfirmableAction action) {
        actions.put(action.key(), action);
        return this;
    }

    public FixedCommands add(CallbackHandler handler) {
        callbackHandlers.put(handler.prefix(), handler);
        return this;
    }

    @Override
    public Optional<ChatCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    @Override
    public Optional<ConfirmableAction> action(String key) {
        return Optional.ofNullable(actions.get(key));
    }

    @Override
    public Optional<CallbackHandler> callbackHandler(String callbackData) {
        return callbackHandlers.values().stream()
                .filter(handler -> callbackData != null && callbackData.startsWith(handler.prefix()))
                .max((a, b) -> Integer.compare(a.prefix().length(), b.prefix().length()));
    }
}
