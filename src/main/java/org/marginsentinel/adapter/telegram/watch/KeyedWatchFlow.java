package org.marginsentinel.adapter.telegram.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.watch.KeyedWatchList;
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

    static final String DELETED = "\n\n🧹 I deleted your message with the key from this chat.";

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
        return BotReply.html("🔐 Never post an API key in a group. I did not read it" + (carriesKey
                ? " and tried to delete your message (I can only if I am an admin here). If it is still visible, "
                + "delete the key on " + exchange.displayName() + " now and make a new one." : ".")
                + " Send /watch " + exchange.name().toLowerCase(Locale.ROOT) + " in a private chat with me.");
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
        if (!wellFormed(exchange, key)) {
            return BotReply.html(Html.escape("That is not how " + exchange.displayName() + " keys are given: "
                    + usage(exchange) + ". Nothing was stored.") + DELETED);
        }
        // Checked before the transaction as a rule; checked here only if that step did not run.
        KeyedWatchList.Outcome checked = checks.take(user, context.args())
                .orElseGet(() -> checkWithExchange(user, exchange, key));
        KeyedWatchList.Outcome outcome = keyedList.storeIfChecked(user, checked);
        if (outcome instanceof KeyedWatchList.Outcome.Connected connected) {
            int number = watchViews.numberOfNew(user, connected.account());
            return BotReply.html("👁 Now watching your " + exchange.displayName() + " futures account with key "
                    + Html.code(connected.account().maskedKeyId()) + ". " + exchange.displayName()
                    + " confirms the key can read but not trade or withdraw"
                    + (connected.verdict() == org.marginsentinel.domain.watch.keyed.KeyPolicy.Verdict.ACCEPT
                    ? "" : " (trading is allowed only from this bot's whitelisted addresses, as "
                    + exchange.displayName() + " requires to read futures)")
                    + ". The key is stored encrypted; /unwatch " + number + " deletes it. Its positions get the same "
                    + "warnings as your paper positions, and only you see them.\n\n"
                    + views.accountPositions(connected.account(), number).strip() + DELETED);
        }
        return BotReply.html(Html.escape(((KeyedWatchList.Outcome.Refused) outcome).why()) + DELETED);
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
            return BotReply.html(Html.escape("Make a read-only API key on " + exchange.displayName() + " and send "
                    + usage(exchange) + ". I check with " + exchange.displayName() + " that it can neither trade nor "
                    + "withdraw before storing anything, keep it encrypted, and delete your message right away."));
        }
        String publicKey = keyedList.beginEd25519(context.userId());
        return BotReply.html("🔐 " + Html.bold("A key pair for Binance, made for you") + ": I keep the private half "
                + "(encrypted) and never see a Binance secret. Register this public half:\n"
                + "<pre>" + Html.escape(publicKey) + "</pre>\n"
                + "1. Binance → Account → API Management → Create API → <b>Self-generated</b> (Ed25519); paste the key "
                + "above.\n2. Restrictions: tick only <b>Enable Reading</b> (no trading, no withdrawals).\n"
                + "3. Send /watch binance &lt;api-key&gt; with the API key Binance shows.\n"
                + "(An HMAC key works too: /watch binance &lt;api-key&gt; &lt;secret&gt;.) A new /watch binance "
                + "replaces this pair.");
    }

    private static String usage(KeyedExchange exchange) {
        return switch (exchange) {
            case BINANCE -> "/watch binance (then /watch binance <api-key>), or /watch binance <api-key> <secret>";
            case BYBIT -> "/watch bybit <api-key> <secret>";
            case OKX -> "/watch okx <api-key> <secret> <passphrase>";
        };
    }
}
