package org.marginsentinel.application.watch;

import java.util.List;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** Why a key is refused and how to make a read-only one, per exchange (plain text, safe to show). */
final class KeyedTexts {

    private KeyedTexts() {
    }

    /** The refusal for a verdict; null when the key is accepted. */
    static String refusal(KeyedExchange exchange, KeyPolicy.Verdict verdict, List<String> egressIps) {
        String name = exchange.displayName();
        return switch (verdict) {
            case ACCEPT, ACCEPT_WHITELISTED_TRADING -> null;
            case REFUSE_WITHDRAW -> "Refused: " + name + " says this key can withdraw or transfer funds. I never keep "
                    + "such a key. Nothing was stored. " + howToReadOnly(exchange);
            case REFUSE_TRADE -> "Refused: " + name + " says this key can trade. A watcher needs reading only, and a "
                    + "trading key is what a leak turns into losses. Nothing was stored. " + howToReadOnly(exchange);
            case REFUSE_TRADE_WITHOUT_WHITELIST -> name + " only lets keys with trading permission read futures "
                    + "positions, so I accept one only when it is locked to this bot's addresses: "
                    + (egressIps.isEmpty() ? "this bot's operator has published none, so it cannot be done here"
                    : "restrict the key's IP access to " + String.join(", ", egressIps))
                    + ". Nothing was stored.";
            case REFUSE_CANNOT_READ -> "Refused: " + name + " says this key cannot read futures accounts. Nothing was "
                    + "stored. " + howToReadOnly(exchange);
            case REFUSE_EXPIRED -> "Refused: " + name + " says this key has expired. Nothing was stored. Make a new "
                    + "one. " + howToReadOnly(exchange);
        };
    }

    static String howToReadOnly(KeyedExchange exchange) {
        return switch (exchange) {
            case BINANCE -> "On Binance: Account → API Management → Edit restrictions: tick only \"Enable Reading\" "
                    + "(no spot, margin, futures or options trading, no withdrawals, no transfers), save, and send the "
                    + "key again.";
            case BYBIT -> "On Bybit: Account → API → create a key with \"Read-Only\" permissions (Contract: Orders "
                    + "and Positions read), and send it again.";
            case OKX -> "On OKX: Profile → API keys → create a key with the \"Read\" permission only (no Trade, no "
                    + "Withdraw), and send it again.";
        };
    }
}
