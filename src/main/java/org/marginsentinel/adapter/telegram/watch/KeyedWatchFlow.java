package org.marginsentinel.adapter.telegram.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.watch.KeyedWatchList;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * {@code /watch binance|bybit|okx …}: the guided flow for a read-only API key, private chats only. A message that
 * carried key material is deleted from the chat right after it is read (deleteMessage through the outbox, first
 * in the chat's queue), also when the key is refused, and the reply says so. In a group the key is never read:
 * the message is deleted when the bot may, and the user sent to the private chat. The key is checked with the
 * exchange before the update's transaction ({@link #check}); the command then only stores it.
 */
@ApplicationScoped
public class KeyedWatchFlow {

    /** The refusals that quote the exchange's reason ({1}) for not answering or rejecting the key. */
    private static final Set<String> REASON_BEARING = Set.of("watch.keyed.noAnswer.refused",
            "watch.keyed.rejected.refused", "watch.keyed.rejectedEd25519.refused");

    @Inject
    KeyedWatchList keyedList;

    @Inject
    KeyedViews views;

    @Inject
    WatchViews watchViews;

    @Inject
    Outbox outbox;

    @Inject
    KeyChecks checks;

    /** The exchange named by {@code /watch}'s first argument. */
    static Optional<KeyedExchange> exchangeNamed(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "binance" -> Optional.of(KeyedExchange.BINANCE);
            case "bybit" -> Optional.of(KeyedExchange.BYBIT);
            case "okx" -> Optional.of(KeyedExchange.OKX);
            default -> Optional.empty();
        };
    }

    /** In a group: nothing is read or stored; a message with key-like arguments is deleted. */
    BotReply refuseInGroup(CommandContext context, KeyedExchange exchange) {
        boolean carriesKey = context.args().size() > 1;
        if (carriesKey && context.messageId() != null) {
            outbox.enqueue(OutgoingMessage.delete(context.chatId(), context.messageId()).inThread(context.messageThreadId()));
        }
        String command = exchange.name().toLowerCase(Locale.ROOT);
        return BotReply.html(carriesKey ? context.texts().get("watch.flow.group", exchange.displayName(), command)
                : context.texts().get("watch.flow.groupNoKey", command));
    }

    BotReply handle(CommandContext context, KeyedExchange exchange) {
        List<String> key = context.args().subList(1, context.args().size());
        if (key.isEmpty()) {
            return start(context, exchange);
        }
        if (context.messageId() != null) {
            outbox.enqueue(OutgoingMessage.delete(context.chatId(), context.messageId()));
        }
        long user = context.userId();
        Texts texts = context.texts();
        String deleted = "\n\n" + texts.get("watch.flow.deleted");
        if (!wellFormed(exchange, key)) {
            return BotReply.html(texts.get("watch.flow.malformed", Html.escape(exchange.displayName()),
                    usage(exchange, texts)) + deleted);
        }
        // Checked before the transaction as a rule; checked here only if that step did not run.
        KeyedWatchList.Outcome checked = checks.take(user, context.args())
                .orElseGet(() -> checkWithExchange(user, exchange, key));
        KeyedWatchList.Outcome outcome = keyedList.storeIfChecked(user, checked);
        if (outcome instanceof KeyedWatchList.Outcome.Connected connected) {
            int number = watchViews.numberOfNew(user, connected.account());
            String whitelisted = connected.verdict() == KeyPolicy.Verdict.ACCEPT ? ""
                    : " (" + texts.get("watch.flow.whitelisted", exchange.displayName()) + ")";
            return BotReply.html(texts.get("watch.flow.connected", exchange.displayName(),
                    Html.code(connected.account().maskedKeyId()), whitelisted, String.valueOf(number)) + "\n\n"
                    + views.accountPositions(connected.account(), number).strip() + deleted);
        }
        return BotReply.html(Html.escape(refusalText((KeyedWatchList.Outcome.Refused) outcome, texts)) + deleted);
    }

    /** A refused key in plain text; an exchange's reason (the second argument of these keys) in the reader's words. */
    static String refusalText(KeyedWatchList.Outcome.Refused refused, Texts texts) {
        Object[] arguments = refused.arguments().toArray();
        if (REASON_BEARING.contains(refused.textKey()) && arguments.length > 1) {
            arguments[1] = SourceReasonText.of(String.valueOf(arguments[1]), texts);
        }
        return texts.refusal(CommandRejected.text(refused.textKey(), arguments))
                + (refused.hintKey() == null ? "" : " " + texts.get(refused.hintKey()));
    }

    /**
     * Before the update's transaction: a key given in a private chat is checked with its exchange, and the outcome
     * kept for {@link #handle} (nothing stored).
     */
    void check(long userId, boolean privateChat, List<String> args) {
        Optional<KeyedExchange> exchange = args.isEmpty() ? Optional.empty() : exchangeNamed(args.get(0));
        List<String> key = args.isEmpty() ? List.of() : args.subList(1, args.size());
        if (privateChat && exchange.isPresent() && wellFormed(exchange.get(), key)) {
            checks.put(userId, args, checkWithExchange(userId, exchange.get(), key));
        }
    }

    private KeyedWatchList.Outcome checkWithExchange(long userId, KeyedExchange exchange, List<String> key) {
        return key.size() == 1 ? keyedList.checkEd25519(userId, key.get(0))
                : keyedList.checkHmac(userId, exchange, key.get(0), key.get(1), key.size() == 3 ? key.get(2) : null);
    }

    /** Binance: a key id (Ed25519) or id and secret; Bybit: id and secret; OKX: id, secret and passphrase. */
    private static boolean wellFormed(KeyedExchange exchange, List<String> key) {
        return switch (exchange) {
            case BINANCE -> key.size() == 1 || key.size() == 2;
            case BYBIT -> key.size() == 2;
            case OKX -> key.size() == 3;
        };
    }

    private BotReply start(CommandContext context, KeyedExchange exchange) {
        if (exchange != KeyedExchange.BINANCE) {
            return BotReply.html(context.texts().get("watch.flow.start", Html.escape(exchange.displayName()),
                    usage(exchange, context.texts())));
        }
        String publicKey = keyedList.beginEd25519(context.userId());
        return BotReply.html(context.texts().get("watch.flow.binance", Html.escape(publicKey)));
    }

    /** How the exchange's key is given, as HTML in the reader's words. */
    private static String usage(KeyedExchange exchange, Texts texts) {
        return texts.get("watch.flow.usage." + exchange.name());
    }
}
