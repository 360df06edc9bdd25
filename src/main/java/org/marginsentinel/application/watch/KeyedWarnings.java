package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.alert.AlertEvaluation;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.market.Symbols;
import org.marginsentinel.domain.watch.keyed.KeyPolicy;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * Runs a keyed account through the warning policy of paper and Hyperliquid positions ({@link WatchWarnings}: the
 * user's levels, hysteresis, cooldown, snooze, quiet hours), under {@code kx:<id>:…} subjects: each isolated
 * position by its distance to liquidation, the cross pool by the worse of its margin ratio and its survivable joint
 * move (and watched for a drain, {@link WatchDrains}); and warns once when a winning position is high in the
 * auto-deleveraging queue (remembered in the database, so told once across restarts). Call inside a transaction.
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

    @Inject
    WatchDrains drains;

    @Inject
    Volatilities volatilities;

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
            // A position the bot could not recompute (portfolio margin, a missing mark) has no risk of the bot's:
            // its ADL rank is read with the exchange's own PnL, and it is not judged (the view shows the exchange's).
            PositionRisk risk = position.risk();
            if (KeyPolicy.highInAdlQueue(position.reported(),
                    risk == null ? position.reported().unrealizedPnl() : risk.unrealizedPnl())) {
                if (book.adlTold(subject + ":adl")) {
                    adlWarnings.told(account.id(), subject + ":adl");
                    notifier.tell(new KeyedNotice.AdlHigh(account, number, position.reported()));
                }
            } else if (book.adlCleared(subject + ":adl")) {
                adlWarnings.cleared(subject + ":adl");
            }
            if (risk == null || !risk.position().isIsolated()) {
                continue;
            }
            AlertEvaluation evaluation = warnings.decide(account.userId(), subject, RiskReading.of(risk),
                    now, book::alertState, book::alertState);
            if (evaluation.decision().send()) {
                notifier.tell(new KeyedNotice.PositionWarning(account, number, position, evaluation.decision()));
            }
            worst = worse(worst, evaluation.decision().level());
        }
        CrossAccountRisk pool = valuation.cross();
        if (pool != null) {
            worst = worse(worst, evaluatePool(account, number, valuation, now));
        } else {
            drains.forget(WatchDrains.subject(account));
        }
        book.level(account.id(), worst);
    }

    /** The pool's survivable joint move by the exchange's rules, with cached volatilities; empty without a pool. */
    public Optional<PoolDistance> poolDistance(KeyedValuation valuation) {
        return valuation.poolDistance(this::volatility);
    }

    /** The cross pool as a paper pool's: the worse of ratio and joint move, and watched for a drain. */
    private RiskLevel evaluatePool(KeyedAccount account, int number, KeyedValuation valuation, Instant now) {
        CrossAccountRisk pool = valuation.cross();
        PoolDistance distance = poolDistance(valuation).orElse(null);
        AlertEvaluation evaluation = warnings.decide(account.userId(), KeyedBook.subjectPrefix(account.id()) + "cross",
                RiskReading.pool(pool.marginRatio(), distance == null ? null : distance.move()), now,
                book::alertState, book::alertState);
        if (evaluation.decision().send()) {
            notifier.tell(new KeyedNotice.PoolWarning(account, number, pool,
                    account.snapshot().exchangeMarginRatio(), distance, evaluation.decision()));
        }
        List<PricedPosition> legs = valuation.crossLegs() == null ? List.of() : valuation.crossLegs().positions();
        drains.observe(WatchDrains.subject(account), pool, legs, now).ifPresent(drain ->
                notifier.tell(new KeyedNotice.DrainWarning(account, number, drain, pool,
                        WatchDrains.timeToLiquidation(drain, pool), WatchDrains.drainingSymbol(drain), distance)));
        return evaluation.decision().level();
    }

    /** A keyed symbol's cached volatility: BTCUSDT as it is, OKX's BTC-USDT-SWAP as BTCUSDT. */
    private Optional<DailyVolatility> volatility(String symbol) {
        return Symbols.normalize(symbol.replace("-SWAP", "")).flatMap(volatilities::cached);
    }

    private static RiskLevel worse(RiskLevel a, RiskLevel b) {
        return b.isWorseThan(a) ? b : a;
    }
}
