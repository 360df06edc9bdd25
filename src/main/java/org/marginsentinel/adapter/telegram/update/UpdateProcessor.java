package org.marginsentinel.adapter.telegram.update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.connection.TelegramConfig;
import org.marginsentinel.adapter.telegram.command.AmbiguousInput;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.command.CallbackHandler;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandParser;
import org.marginsentinel.adapter.telegram.command.CommandLookup;
import org.marginsentinel.adapter.telegram.command.CommandRegistry;
import org.marginsentinel.adapter.telegram.command.CommandSuggestions;
import org.marginsentinel.adapter.telegram.command.CommandTranslations;
import org.marginsentinel.adapter.telegram.command.Confirmation;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.command.ParsedText;
import org.marginsentinel.adapter.telegram.delivery.MessageQueue;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.groups.GroupViews;
import org.marginsentinel.adapter.telegram.groups.PrivateChatLink;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.adapter.telegram.store.ChatActivity;
import org.marginsentinel.adapter.telegram.store.ConfirmationStore;
import org.marginsentinel.adapter.telegram.store.GroupMembers;
import org.marginsentinel.adapter.telegram.store.LockedConfirmation;
import org.marginsentinel.adapter.telegram.store.PendingMessages;
import org.marginsentinel.adapter.telegram.store.UpdateClaims;
import org.marginsentinel.application.CommandRejected;

/**
 * Handles one update in one new transaction: claim its update_id, run the command / button
 * handler, queue the reply. Everything commits together or not at all, which is what makes a
 * replayed update a no-op. {@link UpdateHandler} calls it and deals with exceptions.
 */
@ApplicationScoped
public class UpdateProcessor {

    private final CommandLookup registry;
    private final MessageQueue outbox;
    private final UpdateClaims handled;
    private final ChatActivity chats;
    private final ConfirmationStore confirmations;
    private final PendingMessages outboxStore;
    private final GroupMembers groups;
    private final UserLanguages languages;
    private final BotConnection connection;
    private final Duration confirmationTtl;
    private final Clock clock;

    @Inject
    UpdateProcessor(CommandLookup registry, MessageQueue outbox, UpdateClaims handled, ChatActivity chats,
            ConfirmationStore confirmations, PendingMessages outboxStore, GroupMembers groups,
            UserLanguages languages, BotConnection connection, TelegramConfig config, Clock clock) {
        this(registry, outbox, handled, chats, confirmations, outboxStore, groups, languages, connection,
                config.confirmationTtl(), clock);
    }

    /** For tests: the stores and the outbox may be in memory. */
    UpdateProcessor(CommandLookup registry, MessageQueue outbox, UpdateClaims handled, ChatActivity chats,
            ConfirmationStore confirmations, PendingMessages outboxStore, GroupMembers groups,
            UserLanguages languages, BotConnection connection, Duration confirmationTtl, Clock clock) {
        this.registry = registry;
        this.outbox = outbox;
        this.handled = handled;
        this.chats = chats;
        this.confirmations = confirmations;
        this.outboxStore = outboxStore;
        this.groups = groups;
        this.languages = languages;
        this.connection = connection;
        this.confirmationTtl = confirmationTtl;
        this.clock = clock;
    }

    /**
     * Where a command's answer goes: where it was typed, or (a personal command typed in a group) the sender's
     * private chat, with a pointer in the group; {@code offerPrivateChat} adds a button that opens it.
     */
    private record Route(long chatId, Integer threadId, Integer replyTo, boolean redirected, boolean offerPrivateChat) {
    }

    /** The normal path. May throw; then nothing of it was committed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome process(Inbound in) {
        Instant now = clock.instant();
        if (!handled.claim(in.updateId(), now)) {
            return Outcome.DUPLICATE;
        }
        return switch (in.kind()) {
            case MESSAGE -> onMessage(in, now);
            case CALLBACK -> onCallback(in, now);
            case MEMBERSHIP -> onMembership(in, now);
            case IGNORED -> Outcome.DONE;
        };
    }

    /** After a {@link CommandRejected}: record the update and tell the user why. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome recordRejection(Inbound in, CommandRejected rejected) {
        Instant now = clock.instant();
        if (!handled.claim(in.updateId(), now)) {
            return Outcome.DUPLICATE;
        }
        chats.seen(in.chatId(), in.chatType(), in.chatTitle(), now);
        Texts texts = texts(in);
        String refusal = texts.refusal(rejected);
        if (in.kind() == Inbound.Kind.MESSAGE) {
            Optional<ChatCommand> command = commandOf(in);
            String usage = command.map(c -> CommandTranslations.usage(c.spec(), texts.language())).orElse(null);
            BotReply answer = rejected instanceof AmbiguousInput question && command.isPresent()
                    ? question.ask(texts, command.get().name(), argsOf(in))
                    : BotReply.html(BotTexts.rejected(texts, refusal, usage));
            reply(in, route(in, command.orElse(null)), answer, now);
            return Outcome.DONE;
        }
        if (in.kind() == Inbound.Kind.CALLBACK && isConfirmationPress(in.callbackData())) {
            ConfirmationPress.parse(in.callbackData()).map(ConfirmationPress::id).flatMap(confirmations::lock)
                    .ifPresent(confirmation -> confirmation.fail(now));
            editPressedMessage(in, BotReply.html(BotTexts.rejected(texts, refusal, null)), now);
        }
        return Outcome.alert("⚠️ " + refusal);
    }

    /** After any other exception: record the update and apologise. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome recordFailure(Inbound in) {
        Instant now = clock.instant();
        if (!handled.claim(in.updateId(), now)) {
            return Outcome.DUPLICATE;
        }
        String failure = texts(in).get(BotTexts.GENERIC_FAILURE);
        if (in.kind() == Inbound.Kind.MESSAGE) {
            chats.seen(in.chatId(), in.chatType(), in.chatTitle(), now);
            reply(in, BotReply.html(Html.escape(failure)), now);
        }
        return Outcome.alert(failure);
    }

    /** One polite notice for a user whose updates are being skipped by the flood limit. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void tellTooFast(Inbound in) {
        // No chats.seen here (a flood costs no write), so the outbox checks the chat itself.
        outbox.enqueue(replyMessage(in, route(in, null), BotReply.html(Html.escape(texts(in).get(BotTexts.TOO_FAST))), clock.instant()));
    }

    // --- messages ------------------------------------------------------------------------------

    private Outcome onMessage(Inbound in, Instant now) {
        chats.seen(in.chatId(), in.chatType(), in.chatTitle(), now);
        ParsedText parsed = CommandParser.parse(in.text(), connection.botUsername());
        if (parsed instanceof ParsedText.Command command) {
            Optional<ChatCommand> handler = registry.command(command.name());
            // In groups a bare unknown /command may be meant for another bot: only answer ours.
            boolean forUs = in.privateChat() || command.addressedToUs();
            if (handler.isPresent()) {
                if (in.groupChat()) {
                    groups.touchMember(in.chatId(), in.userId(), in.userDisplayName(), in.messageThreadId(), now);
                }
                BotReply reply = handler.get().handle(context(in, command.args(), command.argumentText()));
                if (reply != null) {
                    reply(in, route(in, handler.get()), reply, now);
                }
            } else if (forUs) {
                reply(in, CommandSuggestions.unknownCommand(texts(in), command, in.privateChat()), now);
            }
        } else if (parsed instanceof ParsedText.ArgumentsTooLong tooLong) {
            if (in.privateChat() || registry.command(tooLong.name()).isPresent()) {
                reply(in, BotReply.html(BotTexts.argumentsTooLong(texts(in), tooLong.length(),
                        CommandParser.MAX_ARGUMENT_CHARS)),
                        now);
            }
        } else if (parsed instanceof ParsedText.NotACommand && in.privateChat() && in.text() != null) {
            reply(in, BotReply.html(texts(in).get(BotTexts.NOT_A_COMMAND)), now);
        }
        return Outcome.DONE;
    }

    private Optional<ChatCommand> commandOf(Inbound in) {
        ParsedText parsed = CommandParser.parse(in.text(), connection.botUsername());
        return parsed instanceof ParsedText.Command command ? registry.command(command.name()) : Optional.empty();
    }

    private List<String> argsOf(Inbound in) {
        ParsedText parsed = CommandParser.parse(in.text(), connection.botUsername());
        return parsed instanceof ParsedText.Command command ? command.args() : List.of();
    }

    private void reply(Inbound in, BotReply reply, Instant now) {
        reply(in, route(in, null), reply, now);
    }

    /**
     * Queues the answer. Every caller has recorded the update's chat as active in this transaction
     * ({@link ChatActivity#seen}), and {@link #route} sends elsewhere only to a private chat it has just read as
     * active: so the outbox need not read the chat again.
     */
    private void reply(Inbound in, Route route, BotReply reply, Instant now) {
        outbox.enqueueForActiveChat(replyMessage(in, route, reply, now));
        if (route.redirected()) {
            outbox.enqueueForActiveChat(OutgoingMessage.to(in.chatId(),
                            GroupViews.answeredPrivately(Texts.of(languageOf(in))))
                    .inThread(in.messageThreadId())
                    .replyingTo(in.messageId())
                    .withPriority(OutgoingMessage.PRIORITY_REPLY));
        }
    }

    private OutgoingMessage replyMessage(Inbound in, Route route, BotReply reply, Instant now) {
        List<List<Button>> buttons = new ArrayList<>(buttonsOf(reply, in, route.chatId(), now));
        if (route.offerPrivateChat()) {
            buttons.add(List.of(PrivateChatLink.openPrivateChat(connection.botUsername(), Texts.of(languageOf(in)))));
        }
        return OutgoingMessage.to(route.chatId(), reply.html())
                .inThread(route.threadId())
                .replyingTo(route.replyTo())
                .withButtons(buttons)
                .withPriority(OutgoingMessage.PRIORITY_REPLY)
                .withPhoto(reply.photoPng());
    }

    /**
     * Answers go where the message was typed (threaded to it in groups, in its forum topic), except that a
     * personal command typed in a group is answered in the sender's private chat when the bot can write there.
     */
    private Route route(Inbound in, ChatCommand command) {
        Route here = new Route(in.chatId(), in.messageThreadId(), in.privateChat() ? null : in.messageId(), false,
                false);
        if (in.privateChat() || command == null || !command.spec().personal()) {
            return here;
        }
        if (chats.isActive(in.userId()).orElse(false)) {
            return new Route(in.userId(), null, null, true, false);
        }
        return new Route(here.chatId(), here.threadId(), here.replyTo(), false, connection.botUsername() != null);
    }

    /** The reply's buttons, plus Confirm / Cancel backed by a new confirmation row if it asks for one. */
    private List<List<Button>> buttonsOf(BotReply reply, Inbound in, Instant now) {
        return buttonsOf(reply, in, in.chatId(), now);
    }

    private List<List<Button>> buttonsOf(BotReply reply, Inbound in, long chatId, Instant now) {
        if (!reply.needsConfirmation()) {
            return reply.buttons();
        }
        if (registry.action(reply.confirmation().actionKey()).isEmpty()) {
            throw new IllegalStateException("No ConfirmableAction with key '" + reply.confirmation().actionKey() + "'");
        }
        long id = confirmations.create(in.userId(), chatId, reply.confirmation().actionKey(),
                reply.confirmation().payload(), now, now.plus(confirmationTtl));
        List<List<Button>> rows = new ArrayList<>(reply.buttons());
        List<Confirmation.Choice> choices = reply.confirmation().choices();
        for (int i = 0; i < choices.size(); i++) { // a question with choices: one button each, then Cancel
            rows.add(List.of(new Button(choices.get(i).label(), CommandRegistry.CONFIRM_PREFIX + id + ":" + i)));
        }
        Texts texts = texts(in);
        Button cancel = new Button(texts.get(BotTexts.CANCEL_LABEL), CommandRegistry.CANCEL_PREFIX + id);
        rows.add(choices.isEmpty() ? List.of(new Button(texts.get(BotTexts.CONFIRM_LABEL),
                CommandRegistry.CONFIRM_PREFIX + id), cancel) : List.of(cancel));
        return rows;
    }

    // --- button presses ------------------------------------------------------------------------

    private Outcome onCallback(Inbound in, Instant now) {
        chats.seen(in.chatId(), in.chatType(), in.chatTitle(), now);
        String data = in.callbackData() == null ? "" : in.callbackData();
        if (isConfirmationPress(data)) {
            return onConfirmationPress(in, data.startsWith(CommandRegistry.CONFIRM_PREFIX), now);
        }
        Optional<CallbackHandler> handler = registry.callbackHandler(data);
        if (handler.isEmpty()) {
            return Outcome.answer(texts(in).get(BotTexts.BUTTON_GONE));
        }
        String rest = data.substring(handler.get().prefix().length());
        BotReply reply = handler.get().onPress(context(in, List.of(), ""), rest);
        if (reply != null) {
            editPressedMessage(in, reply, now);
        }
        return Outcome.DONE;
    }

    private Outcome onConfirmationPress(Inbound in, boolean confirm, Instant now) {
        Optional<LockedConfirmation> found = ConfirmationPress.parse(in.callbackData()).map(ConfirmationPress::id)
                .flatMap(confirmations::lock)
                .filter(c -> c.chatId() == in.chatId());
        if (found.isEmpty()) {
            return Outcome.answer(texts(in).get(BotTexts.BUTTON_GONE));
        }
        LockedConfirmation confirmation = found.get();
        if (confirmation.ownerUserId() != in.userId()) {
            return Outcome.alert(texts(in).get(BotTexts.NOT_YOUR_BUTTON));
        }
        if (confirmation.expiredAt(now)) {
            confirmation.expire(now);
            editPressedMessage(in, BotReply.html(texts(in).get(BotTexts.EXPIRED_HTML)), now);
            return Outcome.alert(texts(in).get(BotTexts.EXPIRED_ANSWER));
        }
        if (!confirmation.pending()) {
            // The first press already replaced the question with its result; don't overwrite that.
            return Outcome.answer(texts(in).get(BotTexts.ALREADY_ANSWERED));
        }
        if (!confirm) {
            confirmation.cancel(now);
            editPressedMessage(in, BotReply.html(texts(in).get(BotTexts.CANCELLED_HTML)), now);
            return Outcome.answer(texts(in).get(BotTexts.CANCELLED_ANSWER));
        }
        Integer choice = ConfirmationPress.parse(in.callbackData()).map(ConfirmationPress::choice).orElse(null);
        String payload = choice == null ? confirmation.payload()
                : Confirmation.choicePayload(confirmation.payload(), choice);
        if (payload == null) {
            return Outcome.answer(texts(in).get(BotTexts.BUTTON_GONE));
        }
        confirmation.confirm(now);
        ConfirmableAction action = registry.action(confirmation.actionKey()).orElseThrow(() ->
                new IllegalStateException("No ConfirmableAction with key '" + confirmation.actionKey() + "'"));
        BotReply result = action.confirmed(context(in, List.of(), ""), payload);
        if (result != null) {
            editPressedMessage(in, result, now);
        }
        return Outcome.answer(texts(in).get(BotTexts.CONFIRMED_ANSWER));
    }

    private void editPressedMessage(Inbound in, BotReply reply, Instant now) {
        OutgoingMessage edit = OutgoingMessage.edit(in.chatId(), in.messageId(), reply.html())
                .withButtons(buttonsOf(reply, in, now))
                .superseding("edit:" + in.messageId());
        outbox.enqueueForActiveChat(edit); // the pressed message's chat: seen by every caller
    }

    // --- membership ----------------------------------------------------------------------------

    private Outcome onMembership(Inbound in, Instant now) {
        String status = in.memberStatus() == null ? "" : in.memberStatus();
        if (status.equals("kicked") || status.equals("left")) {
            chats.markInactive(in.chatId(), now);
            outboxStore.dropPending(in.chatId(), "bot " + status);
            if (in.groupChat()) {
                groups.botRemoved(in.chatId(), now);
            }
        } else {
            chats.seen(in.chatId(), in.chatType(), in.chatTitle(), now);
            String before = in.previousMemberStatus() == null ? "left" : in.previousMemberStatus();
            boolean added = (status.equals("member") || status.equals("administrator"))
                    && (before.equals("left") || before.equals("kicked"));
            if (added && in.groupChat()) {
                outbox.enqueueForActiveChat(OutgoingMessage.to(in.chatId(),
                        GroupViews.intro(connection.botUsername(), Texts.of(languageOf(in))))
                        .withPriority(OutgoingMessage.PRIORITY_REPLY));
            }
        }
        return Outcome.DONE;
    }

    // --- helpers -------------------------------------------------------------------------------

    private CommandContext context(Inbound in, List<String> args, String argumentText) {
        return new CommandContext(in.userId(), in.userDisplayName(), in.chatId(), in.privateChat(),
                in.messageThreadId(), in.messageId(), args, argumentText, in.anonymousAdmin(), languageOf(in));
    }

    private Texts texts(Inbound in) {
        return Texts.of(languageOf(in));
    }

    private Language languageOf(Inbound in) {
        // An anonymous admin is the group speaking, not a person whose language Telegram knows.
        return in.anonymousAdmin() ? Language.EN : languages.reported(in.userId(), in.languageCode(), clock.instant());
    }

    private static boolean isConfirmationPress(String data) {
        return data != null && (data.startsWith(CommandRegistry.CONFIRM_PREFIX)
                || data.startsWith(CommandRegistry.CANCEL_PREFIX));
    }
}
