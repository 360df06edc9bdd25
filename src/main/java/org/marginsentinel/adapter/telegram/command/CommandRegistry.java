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
 * once: duplicate names, or commands that disagree with {@link CommandTable}, fail loudly with a message naming
 * the bean classes.
 */
@ApplicationScoped
public class CommandRegistry implements CommandLookup {

    /** Callback data prefixes the dispatcher uses for confirmations. */
    public static final String CONFIRM_PREFIX = "cf:";
    public static final String CANCEL_PREFIX = "cx:";

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
        List<ChatCommand> sorted = inTableOrder(commandBeans);
        Map<String, ChatCommand> byName = new HashMap<>();
        sorted.forEach(command -> byName.put(command.name(), command));

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

    /**
     * The commands in {@link CommandTable} order (then the hidden ones, by name), checked: every table entry has
     * exactly one bean returning it, every other bean is hidden, and no name is taken twice.
     */
    static List<ChatCommand> inTableOrder(Iterable<? extends ChatCommand> beans) {
        Map<String, ChatCommand> byName = new HashMap<>();
        for (ChatCommand command : beans) {
            CommandSpec spec = command.spec();
            ChatCommand previous = byName.put(spec.name(), command);
            if (previous != null) {
                throw new IllegalStateException("Two commands are named /" + spec.name() + ": "
                        + previous.getClass().getName() + " and " + command.getClass().getName());
            }
            Optional<CommandSpec> listed = CommandTable.find(spec.name());
            if (listed.isPresent() ? !listed.get().equals(spec) : !spec.hidden()) {
                throw new IllegalStateException("Command /" + spec.name() + " (" + command.getClass().getName()
                        + ") must return its entry of CommandTable from spec(), or be hidden");
            }
        }
        List<ChatCommand> ordered = new ArrayList<>();
        for (CommandSpec spec : CommandTable.ALL) {
            ChatCommand command = byName.remove(spec.name());
            if (command == null) {
                throw new IllegalStateException("CommandTable lists /" + spec.name() + " but no bean handles it");
            }
            ordered.add(command);
        }
        byName.values().stream().sorted(Comparator.comparing(ChatCommand::name)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    @Override
    public Optional<ChatCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Commands listed in /help and the menu of private chats, in table order. */
    public List<ChatCommand> listedInPrivate() {
        return ordered.stream().filter(c -> c.spec().listedInPrivate()).toList();
    }

    /** Commands listed in /help and the menu of groups (what works and is answered there), in table order. */
    public List<ChatCommand> listedInGroups() {
        return ordered.stream().filter(c -> c.spec().listedInGroups()).toList();
    }

    /** Every command, hidden ones included, in table order. */
    public List<ChatCommand> allCommands() {
        return ordered;
    }

    @Override
    public Optional<ConfirmableAction> action(String key) {
        return Optional.ofNullable(actions.get(key));
    }

    /** The handler with the longest prefix that {@code callbackData} starts with. */
    @Override
    public Optional<CallbackHandler> callbackHandler(String callbackData) {
        if (callbackData == null) {
            return Optional.empty();
        }
        return callbackHandlers.stream().filter(h -> callbackData.startsWith(h.prefix())).findFirst();
    }
}
