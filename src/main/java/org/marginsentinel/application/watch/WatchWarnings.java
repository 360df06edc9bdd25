package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.domain.alert.AlertEvaluation;
import org.marginsentinel.domain.alert.AlertPolicy;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.watch.PositionEnding;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.WatchedValuation;

/**
 * Runs a watched account through the same warning policy as paper positions ({@link AlertPolicy}: the user's
 * levels, hysteresis, cooldown, snooze, quiet hours, odds trigger): each isolated position by its distance to
 * liquidation, the cross pool by the worse of its margin ratio and its survivable joint move (and watched for a
 * drain, {@link WatchDrains}). Alert states are kept under {@code hl:<id>:…} in the alert store, so a restart
 * does not repeat a warning. Call inside a transaction; reads the user's preferences at most every
 * {@link #PREFERENCES_TTL}.
 */
@ApplicationScoped
public class WatchWarnings {

    static final Duration PREFERENCES_TTL = Duration.ofSeconds(30);

    private record CachedPreferences(AlertPreferences preferences, Instant readAt) {
    }

    private final AlertPolicy policy = new AlertPolicy();
    private final Map<Long, CachedPreferences> preferences = new ConcurrentHashMap<>();

    @Inject
    WatchBook book;

    @Inject
    AlertStore alerts;

    @Inject
    WatchNotifier notifier;

    @Inject
    LiquidationSightings sightings;

    @Inject
    WatchAdvice advice;

    @Inject
    WatchDrains drains;

    /** Evaluates the account at the book's newest marks; remembers coins seen past liquidation. */
    public void evaluate(WatchedAccount account, Instant now) {
        WatchedValuation valuation = book.valuation(account);
        AlertPreferences prefs = preferences(account.userId(), now);
        int number = book.numberOf(account);
        RiskLevel worst = RiskLevel.SAFE;
        for (WatchedValuation.Valued position : valuation.positions()) {
            if (position.risk() == null) {
                continue;
            }
            if (position.risk().liquidatedAtMark() || PositionEnding.isPast(position.reported().side(),
                    position.risk().markPrice(), position.reported().exchangeLiquidation())) {
                sawPastLiquidation(account, position.reported().coin());
            }
            if (!position.risk().position().isIsolated()) {
                continue;
            }
            String subject = WatchBook.subjectPrefix(account.id()) + position.reported().coin();
            // The user's odds trigger moves this position's WARNING distance out, as for a paper position.
            AlertPreferences judgedWith = advice.judgedWith(prefs, position.reported().side(),
                    position.reported().coin());
            AlertEvaluation evaluation = decide(account, subject, RiskReading.of(position.risk()), judgedWith, now);
            if (evaluation.decision().send()) {
                notifier.tell(new WatchNotice.PositionWarning(account.userId(), account.address(), number, position,
                        evaluation.decision()));
            }
            worst = worse(worst, evaluation.decision().level());
        }
        CrossAccountRisk pool = valuation.cross();
        if (pool != null) {
            worst = worse(worst, evaluatePool(account, number, valuation, prefs, now));
        } else {
            drains.forget(WatchDrains.subject(account));
        }
        book.level(account.id(), worst);
    }

    /**
     * The cross pool as a paper pool: its level is the worse of its margin ratio's and its survivable joint move's,
     * and a fast fall of its margin balance is warned once as a drain.
     */
    private RiskLevel evaluatePool(WatchedAccount account, int number, WatchedValuation valuation,
                                   AlertPreferences prefs, Instant now) {
        CrossAccountRisk pool = valuation.cross();
        WatchedPortfolio portfolio = WatchedPortfolio.of(valuation, book.market());
        PoolDistance distance = portfolio.poolDistance(advice::volatility).orElse(null);
        String subject = WatchBook.subjectPrefix(account.id()) + "cross";
        AlertEvaluation evaluation = decide(account, subject,
                RiskReading.pool(pool.marginRatio(), distance == null ? null : distance.move()), prefs, now);
        if (evaluation.decision().send()) {
            notifier.tell(new WatchNotice.PoolWarning(account.userId(), account.address(), number, pool, distance,
                    evaluation.decision()));
        }
        drains.observe(WatchDrains.subject(account), pool, portfolio.cross(), now).ifPresent(drain ->
                notifier.tell(new WatchNotice.DrainWarning(account.userId(), account.address(), number, drain, pool,
                        WatchDrains.timeToLiquidation(drain, pool), WatchDrains.drainingSymbol(drain), distance)));
        return evaluation.decision().level();
    }

    /** Remembers a sighting in memory and, the first time, in the database (a restart must not lose it). */
    private void sawPastLiquidation(WatchedAccount account, String coin) {
        if (!book.pastLiquidation(account.id()).contains(coin)) {
            sightings.seen(account.id(), coin);
            book.sawPastLiquidation(account.id(), coin);
        }
    }

    /** Forget the states of positions that ended, so a new position in the coin starts fresh. */
    public void ended(WatchedAccount account, PositionEnding.Ended ended) {
        String subject = WatchBook.subjectPrefix(account.id()) + ended.position().coin();
        book.alertState(subject, AlertState.initial());
        alerts.deleteState(subject);
    }

    private AlertEvaluation decide(WatchedAccount account, String subject, RiskReading reading, AlertPreferences prefs,
                                   Instant now) {
        return decide(account.userId(), subject, reading, prefs, now, book::alertState, book::alertState);
    }

    /**
     * The same policy step for any watched subject whose state lives elsewhere in memory (a keyed account's): the
     * user's preferences, the state before, the stored state after.
     */
    public AlertEvaluation decide(long userId, String subject, RiskReading reading, Instant now,
                                  Function<String, AlertState> states, BiConsumer<String, AlertState> remember) {
        return decide(userId, subject, reading, preferences(userId, now), now, states, remember);
    }

    private AlertEvaluation decide(long userId, String subject, RiskReading reading, AlertPreferences prefs,
                                   Instant now, Function<String, AlertState> states,
                                   BiConsumer<String, AlertState> remember) {
        AlertState previous = states.apply(subject);
        AlertEvaluation evaluation = policy.evaluate(previous, reading, prefs, now);
        if (!evaluation.nextState().equals(previous)) {
            alerts.saveState(subject, userId, evaluation.nextState());
            remember.accept(subject, evaluation.nextState());
        }
        return evaluation;
    }

    private AlertPreferences preferences(long userId, Instant now) {
        CachedPreferences cached = preferences.get(userId);
        if (cached == null || !now.isBefore(cached.readAt().plus(PREFERENCES_TTL)) || now.isBefore(cached.readAt())) {
            cached = new CachedPreferences(alerts.preferences(userId), now);
            preferences.put(userId, cached);
        }
        return cached.preferences();
    }

    private static RiskLevel worse(RiskLevel a, RiskLevel b) {
        return b.isWorseThan(a) ? b : a;
    }
}
