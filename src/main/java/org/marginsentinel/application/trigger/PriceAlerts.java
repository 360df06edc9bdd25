package org.marginsentinel.application.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Figure;
import org.marginsentinel.application.TriggersChanged;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.application.port.PriceAlertStore;
import org.marginsentinel.domain.market.Symbols;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.domain.trigger.PriceAlert;

/**
 * Price alerts on the mark: set, listed, deleted, and fired once. Firing deletes the alert in the transaction that
 * queues its notice, so an alert fired (and committed) is never fired again, across restarts too.
 */
@ApplicationScoped
public class PriceAlerts {

    /** Per user: enough for a watch list, few enough that nobody floods their own chat. */
    public static final int MAX_PER_USER = 20;
    private static final BigDecimal MAX_LEVEL = new BigDecimal("100000000");

    private final PriceAlertStore store;
    private final MarkPrices prices;
    private final Notifier notifier;
    private final Clock clock;
    private final Consumer<TriggersChanged> changed;

    @Inject
    public PriceAlerts(PriceAlertStore store, MarkPrices prices, Notifier notifier, Clock clock,
                       Event<TriggersChanged> changed) {
        this(store, prices, notifier, clock, (Consumer<TriggersChanged>) changed::fire);
    }

    /** Without a container: plain tests hear of changes themselves. */
    public PriceAlerts(PriceAlertStore store, MarkPrices prices, Notifier notifier, Clock clock,
                       Consumer<TriggersChanged> changed) {
        this.store = store;
        this.prices = prices;
        this.notifier = notifier;
        this.clock = clock;
        this.changed = changed;
    }

    /** A new alert, with the mark when it was set (null when no fresh mark is known). */
    public record Added(PriceAlert alert, BigDecimal mark, int count) {
    }

    @Transactional
    public Added add(long userId, String symbolText, Direction direction, BigDecimal level) {
        String symbol = Symbols.normalize(symbolText).filter(prices::isKnownSymbol).orElseThrow(() ->
                CommandRejected.text("refusals.alert.unknownSymbol.refused"));
        if (level.signum() <= 0 || level.compareTo(MAX_LEVEL) > 0) {
            throw CommandRejected.text("refusals.alert.level.refused", Figure.count(MAX_LEVEL.longValueExact()));
        }
        List<PriceAlert> existing = store.of(userId);
        if (existing.size() >= MAX_PER_USER) {
            throw CommandRejected.text("refusals.alert.tooMany.refused", Figure.count(MAX_PER_USER));
        }
        Optional<BigDecimal> mark = prices.latest(symbol).map(MarkPrice::price);
        if (mark.isPresent() && direction.reachedBy(mark.get(), level)) {
            throw CommandRejected.text(direction == Direction.BELOW ? "refusals.alert.alreadyBelow.refused"
                    : "refusals.alert.alreadyAbove.refused", symbol, Figure.price(symbol, level),
                    Figure.price(symbol, mark.get()));
        }
        PriceAlert alert = store.add(userId, symbol, direction, level, clock.instant());
        changed.accept(new TriggersChanged(userId));
        return new Added(alert, mark.orElse(null), existing.size() + 1);
    }

    /** The user's alerts, in the order {@code /alert} numbers them (1 first). */
    @Transactional
    public List<PriceAlert> of(long userId) {
        return store.of(userId);
    }

    /** Deletes the user's alert number {@code number} (1-based, as listed). */
    @Transactional
    public PriceAlert delete(long userId, int number) {
        List<PriceAlert> alerts = store.of(userId);
        if (number < 1 || number > alerts.size()) {
            throw alerts.isEmpty() ? CommandRejected.text("refusals.alert.none.refused")
                    : CommandRejected.text("refusals.alert.noNumber.refused", String.valueOf(number),
                    Figure.count(alerts.size()));
        }
        PriceAlert alert = alerts.get(number - 1);
        store.delete(alert.id());
        changed.accept(new TriggersChanged(userId));
        return alert;
    }

    /** Fires the alert the tick found reached at {@code mark}: false when it was gone already (fired or deleted). */
    @Transactional
    public boolean fire(PriceAlert alert, BigDecimal mark) {
        if (!store.delete(alert.id())) {
            return false;
        }
        notifier.notify(new Notice.PriceAlertFired(alert.userId(), alert.symbol(), alert.direction().symbol(),
                alert.level(), mark));
        return true;
    }
}
