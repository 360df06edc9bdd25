package org.marginsentinel.application.watch;

import java.util.List;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/** Why a key is refused and how to make a read-only one, per exchange, as text keys the adapter words. */
final class KeyedTexts {

    private KeyedTexts() {
    }

    /** The refusal for a verdict; null when the key is accepted. */
    static KeyedWatchList.Outcome.Refused refusal(KeyedExchange exchange, KeyPolicy.Verdict verdict,
                                                  List<String> egressIps) {
        String name = exchange.displayName();
        String howTo = "watch.keyed.howTo." + exchange.name() + ".refused";
        return switch (verdict) {
            case ACCEPT, ACCEPT_WHITELISTED_TRADING -> null;
            case REFUSE_WITHDRAW -> KeyedWatchList.Outcome.Refused.text("watch.keyed.canWithdraw.refused", name)
                    .withHint(howTo);
            case REFUSE_TRADE -> KeyedWatchList.Outcome.Refused.text("watch.keyed.canTrade.refused", name)
                    .withHint(howTo);
            case REFUSE_TRADE_WITHOUT_WHITELIST -> egressIps.isEmpty()
                    ? KeyedWatchList.Outcome.Refused.text("watch.keyed.noWhitelist.refused", name)
                    : KeyedWatchList.Outcome.Refused.text("watch.keyed.whitelist.refused", name,
                    String.join(", ", egressIps));
            case REFUSE_CANNOT_READ -> KeyedWatchList.Outcome.Refused.text("watch.keyed.cannotRead.refused", name)
                    .withHint(howTo);
            case REFUSE_EXPIRED -> KeyedWatchList.Outcome.Refused.text("watch.keyed.expired.refused", name)
                    .withHint(howTo);
        };
    }
}
