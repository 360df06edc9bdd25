package org.marginsentinel.adapter.telegram.command;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link ChatCommand}, {@link ConfirmableAction} and {@link CallbackHandler} bean, checked
 * once: duplicate or invalid names fail loudly with a message naming the bean classes.
 */
@ApplicationScoped
public class CommandRegistry {

    /** Callback data prefixes the dispatcher uses for confirmations. */
    public static final String CONFIRM_PREFIX = "cf:";
    public static final String CANCEL_PREFIX = "cx:";

    private static final Comparator<ChatCommand> HELP_ORDER =
            Comparator.comparingInt(ChatCommand::helpOrder).thenComparing(ChatCommand::name);

    @Inject
    @Any
    Instance<ChatCommand> commandBeans;

    @Inject
    @Any
    Instance<ConfirmableAction> actionBeans;

    @Inject
    @Any
    Instance<CallbackHandler> callbackBeans;

    private Map<String, ChatCommand> commands;
    private List<ChatCommand> ordered;
    private Map<String, ConfirmableAction> actions;
    private List<CallbackHandler> callbackHandlers;

    @PostConstruct
    void index() {
        Map<String, ChatCommand> byName = new HashMap<>();
        for (ChatCommand command : commandBeans) {
            String name = command.name();
            if (!CommandParser.isValidName(name)) {
                throw new IllegalStateException("Command name must match [a-z0-9_]{1,32}: '" + name + "' in "
                        + command.getClass().getName());
            }
            String description = command.description();
            if (description == null || description.isBlank() || description.length() > 256) {
                throw new IllegalStateException("Command /" + name + " needs a description of 1 to 256 characters ("
                        + command.getClass().getName() + ")");
            }
            if (command.usage() == null || command.usage().isBlank()) {
                throw new IllegalStateException("Command /" + name + " needs a usage line ("
                        + command.getClass().getName() + ")");
            }
            ChatCommand previous = byName.put(name, command);
            if (previous != null) {
                throw new IllegalStateException("Two commands are named /" + name + ": "
                        + previous.getClass().getName() + " and " + command.getClass().getName());
            }
        }
        List<ChatCommand> sorted = new ArrayList<>(byName.values());
        sorted.sort(HELP_ORDER);

        Map<String, ConfirmableAction> byKey = new HashMap<>();
        for (ConfirmableAction action : actionBeans) {
            String key = action.key();
            if (key == null || key.isBlank() || key.length() > 64) {
                throw new IllegalStateException("Action key must be 1 to 64 characters: " + action.getClass().getName());
            }
            ConfirmableAction previous = byKey.put(key, action);
            if (previous != null) {
                throw new IllegalStateException("Two confirmable actions use key '" + key + "': "
                        + previous.getClass().getName() + " and " + action.getClass().getName());
            }
        }

        List<CallbackHandler> handlers = new ArrayList<>();
        Map<String, CallbackHandler> byPrefix = new HashMap<>();
        for (CallbackHandler handler : callbackBeans) {
            String prefix = handler.prefix();
            if (prefix == null || prefix.isEmpty() || prefix.length() > 32) {
                throw new IllegalStateException("Callback prefix must be 1 to 32 characters: "
                        + handler.getClass().getName());
            }
            if (prefix.startsWith(CONFIRM_PREFIX) || prefix.startsWith(CANCEL_PREFIX)
                    || CONFIRM_PREFIX.startsWith(prefix) || CANCEL_PREFIX.startsWith(prefix)) {
                throw new IllegalStateException("Callback prefix '" + prefix + "' clashes with the reserved "
                        + CONFIRM_PREFIX + " / " + CANCEL_PREFIX + " (" + handler.getClass().getName() + ")");
            }
            CallbackHandler previous = byPrefix.put(prefix, handler);
            if (previous != null) {
                throw new IllegalStateException("Two callback handlers use prefix '" + prefix + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
            handlers.add(handler);
        }
        handlers.sort(Comparator.comparingInt((CallbackHandler h) -> h.prefix().length()).reversed());

        this.commands = Map.copyOf(byName);
        this.ordered = List.copyOf(sorted);
        this.actions = Map.copyOf(byKey);
        this.callbackHandlers = List.copyOf(handlers);
    }

    public Optional<ChatCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Commands shown in /help and the Telegram menu, in help order. */
    public List<ChatCommand> listedCommands() {
        return ordered.stream().filter(c -> !c.hidden()).toList();
    }

    /** Every command, hidden ones included, in help order. */
    public List<ChatCommand> allCommands() {
        return ordered;
    }

    public Optional<ConfirmableAction> action(String key) {
        return Optional.ofNullable(actions.get(key));
    }

    /** The handler with the longest prefix that {@code callbackData} starts with. */
    public Optional<CallbackHandler> callbackHandler(String callbackData) {
        if (callbackData == null) {
            return Optional.empty();
        }
        return callbackHandlers.stream().filter(h -> callbackData.startsWith(h.prefix())).findFirst();
    }
}
