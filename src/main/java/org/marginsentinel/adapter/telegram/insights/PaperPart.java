package org.marginsentinel.adapter.telegram.insights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.port.PaperAccountStore;

/**
 * Whether the paper account has something for {@code /stress} or {@code /compare} when watched accounts follow:
 * asked up front rather than by catching the paper tool's refusal, because a refusal thrown through the trading
 * service's transaction would roll back the whole update.
 */
@ApplicationScoped
class PaperPart {

    @Inject
    PaperAccountStore accounts;

    @Inject
    PaperTrading trading;

    /** True when the user has not opened a paper account. */
    boolean none(long userId) {
        return accounts.find(userId).isEmpty();
    }

    /**
     * Why the paper account has nothing to show ({@code symbol}: the one held position asked for), in the words of
     * {@code texts}; empty when it has something.
     */
    Optional<String> nothingBecause(long userId, String symbol, Texts texts) {
        if (none(userId)) {
            return Optional.of(texts.get("insights.paper.none"));
        }
        AccountSnapshot snapshot = trading.snapshot(userId);
        if (snapshot.positions().isEmpty()) {
            return Optional.of(texts.get("insights.paper.noPositions"));
        }
        if (symbol != null && snapshot.bySymbol(symbol).isEmpty()) {
            return Optional.of(texts.get("insights.paper.noSymbol", symbol));
        }
        return Optional.empty();
    }
}
