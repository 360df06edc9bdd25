package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.marginsentinel.domain.alert.AlertEvaluation;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * Runs a keyed account through the warning policy of paper and Hyperliquid positions ({@link WatchWarnings}: the
 * user's levels, hysteresis, cooldown, snooze, quiet hours), under {@code kx:<id>:…} subjects: each isolated
 * position by its distance to liquidation, the cross pool by its margin ratio; and warns once when a winning
 * position is high in the auto-deleveraging queue (remembered in the database, so told once across restarts). Call
 * inside a transaction.
 */
@ApplicationScoped
public class KeyedWarnings {

    @Inject
    KeyedBook book;

    @Inject
    WatchBook watchBook;

    @Inject
    WatchWarnings warnings;

    @Inject
    KeyedExchanges exchanges;

    @Inject
    KeyedNotifier notifier;

    @Inject
    AdlWarnings adlWarnings;

    /** The account valued by its exchange's rules, or empty without an answer or an installed valuer. */
    public Optional<KeyedValuation> valuation(KeyedAccount account) {
        if (account.snapshot() == null) {
            return Optional.empty();
        }
        return exchanges.valuer(account.exchange()).map(valuer -> valuer.value(account.snapshot()));
    }

    public void evaluate(KeyedAccount account, Instant now) {
        KeyedValuation valuation = valuation(account).orElse(null);
        if (valuation == null) {
            return;
        }
        int number = watchBook.numberOf(account);
        String prefix = KeyedBook.subjectPrefix(account.id());
        RiskLevel worst = RiskLevel.SAFE;
        for (KeyedValuation.Valued position : valuation.positions()) {
            String subject = prefix + position.reported().symbol() + ":" + position.reported().side();
            if (KeyPolicy.highInAdlQueue(position.reported(), position.risk().unrealizedPnl())) {
                if (book.adlTold(subject + ":adl")) {
                    adlWarnings.told(account.id(), subject + ":adl");
                    notifier.tell(new KeyedNotice.AdlHigh(account, number, position.reported()));
                }
            } else if (book.adlCleared(subject + ":adl")) {
                adlWarnings.cleared(subject + ":adl");
            }
            if (!position.risk().position().isIsolated()) {
                continue;
            }
            AlertEvaluation evaluation = warnings.decide(account.userId(), subject, RiskReading.of(position.risk()),
                    now, book::alertState, book::alertState);
            if (evaluation.decision().send()) {
                notifier.tell(new KeyedNotice.PositionWarning(account, number, position, evaluation.decision()));
            }
            worst = worse(worst, evaluation.decision().level());
        }
        CrossAccountRisk pool = valuation.cross();
        if (pool != null) {
            AlertEvaluation evaluation = warnings.decide(account.userId(), prefix + "cross", RiskReading.of(pool), now,
                    book::alertState, book::alertState);
            if (evaluation.decision().send()) {
                notifier.tell(new KeyedNotice.PoolWarning(account, number, pool,
                        account.snapshot().exchangeMarginRatio(), evaluation.decision()));
            }
            worst = worse(worst, evaluation.decision().level());
        }
        book.level(account.id(), worst);
    }

    private static RiskLevel worse(RiskLevel a, RiskLevel b) {
        return b.isWorseThan(a) ? b : a;
    }
}
