package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.application.port.PositionStop;
import org.marginsentinel.application.port.StopStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.trigger.StopCheck;
import org.marginsentinel.domain.trigger.StopKind;

/**
 * Stop-loss and take-profit of paper positions: set, cleared, judged ({@link StopCheck}) and executed like the
 * exchange's mark-price stop-market order — the whole position closes at the mark with the taker fee. Execution
 * deletes the stop in the transaction that closes the position and queues the notice: it happens at most once.
 */
@ApplicationScoped
public class StopOrders {

    private final PaperTrading trading;
    private final StopStore stops;
    private final MarkPrices prices;
    private final BigDecimal takerRate;
    private final Notifier notifier;
    private final Clock clock;
    private final Consumer<TriggersChanged> changed;

    @Inject
    public StopOrders(PaperTrading trading, StopStore stops, MarkPrices prices,
                      org.marginsentinel.domain.paper.TradingFees fees, Notifier notifier, Clock clock,
                      Event<TriggersChanged> changed) {
        this(trading, stops, prices, fees, notifier, clock, (Consumer<TriggersChanged>) changed::fire);
    }

    /** Without a container: plain tests hear of changes themselves. */
    public StopOrders(PaperTrading trading, StopStore stops, MarkPrices prices,
                      org.marginsentinel.domain.paper.TradingFees fees, Notifier notifier, Clock clock,
                      Consumer<TriggersChanged> changed) {
        this.trading = trading;
        this.stops = stops;
        this.prices = prices;
        this.takerRate = fees.takerRate();
        this.notifier = notifier;
        this.clock = clock;
        this.changed = changed;
    }

    /** A stop as set, with what it would do at the current liquidation price. */
    public record StopStatus(StoredPosition position, StopKind kind, BigDecimal price, StopCheck.Verdict verdict,
                             BigDecimal liquidationPrice) {
    }

    /** Sets (or moves) the stop; refused when the mark is already past it. Flagged when it can never act well. */
    @Transactional
    public StopStatus set(long userId, String reference, StopKind kind, BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw CommandRejected.text("refusals.stop.notPositive.refused");
        }
        AccountSnapshot snapshot = trading.snapshot(userId);
        StoredPosition stored = find(snapshot, reference);
        Position position = stored.position();
        BigDecimal mark = prices.latest(position.symbol()).map(MarkPrice::price).orElseThrow(() ->
                CommandRejected.text("refusals.stop.noMark.refused", position.symbol()));
        StopStatus status = judge(stored, snapshot.riskOf(stored), kind, price, mark);
        if (status.verdict() == StopCheck.Verdict.FIRES_NOW) {
            throw CommandRejected.text(kind == StopKind.STOP_LOSS ? "refusals.stop.pastStopLoss.refused"
                    : "refusals.stop.pastTakeProfit.refused", Figure.price(position.symbol(), mark),
                    String.valueOf(stored.number()));
        }
        stops.put(userId, stored.id(), kind, price, clock.instant());
        changed.accept(new TriggersChanged(userId));
        return status;
    }

    /** Removes the stop; refused when there is none. */
    @Transactional
    public StoredPosition clear(long userId, String reference, StopKind kind) {
        StoredPosition stored = find(trading.snapshot(userId), reference);
        if (!stops.delete(stored.id(), kind)) {
            throw CommandRejected.text(kind == StopKind.STOP_LOSS ? "refusals.stop.noStopLoss.refused"
                    : "refusals.stop.noTakeProfit.refused", String.valueOf(stored.number()));
        }
        changed.accept(new TriggersChanged(userId));
        return stored;
    }

    /** The stops of the snapshot's positions, each judged at its current liquidation price, by position id. */
    @Transactional
    public Map<Long, List<StopStatus>> of(AccountSnapshot snapshot) {
        Map<Long, List<StopStatus>> byPosition = new HashMap<>();
        for (PositionStop stop : stops.of(snapshot.account().userId())) {
            snapshot.positions().stream().filter(p -> p.id() == stop.positionId()).findFirst().ifPresent(stored -> {
                PositionRisk risk = snapshot.riskOf(stored);
                byPosition.computeIfAbsent(stored.id(), id -> new java.util.ArrayList<>())
                        .add(judge(stored, risk, stop.kind(), stop.price(), risk.markPrice()));
            });
        }
        return byPosition;
    }

    /**
     * Executes a stop the tick found triggered at {@code mark}: nothing when it was removed or moved meanwhile, or its
     * position is gone (then the stop is deleted: it can never act again).
     */
    @Transactional
    public Optional<Notice.StopExecuted> execute(PositionStop due, BigDecimal mark) {
        Optional<PositionStop> current = stops.find(due.positionId(), due.kind());
        if (current.isEmpty()) {
            stops.deleteOfClosedPositions(due.userId());
            return Optional.empty();
        }
        PositionStop stop = current.get();
        if (!stop.triggeredBy(mark) || !stops.delete(stop.positionId(), stop.kind())) {
            return Optional.empty();
        }
        ExitKind exit = stop.kind() == StopKind.STOP_LOSS ? ExitKind.STOP_LOSS : ExitKind.TAKE_PROFIT;
        Optional<TradeResult> closed = trading.closeAtMark(stop.userId(), stop.positionId(), mark, exit);
        stops.deleteOfClosedPositions(stop.userId());
        Optional<Notice.StopExecuted> notice = closed.map(result -> new Notice.StopExecuted(stop.userId(),
                stop.positionNumber(), stop.symbol(), stop.side(), stop.kind().label(), stop.price(), mark,
                result.closedQuantity(), result.realizedPnl(), result.fee()));
        notice.ifPresent(notifier::notify);
        return notice;
    }

    private StopStatus judge(StoredPosition stored, PositionRisk risk, StopKind kind, BigDecimal price,
                             BigDecimal mark) {
        Position position = stored.position();
        BigDecimal liquidation = risk == null ? null : risk.liquidationPrice();
        StopCheck.Verdict verdict = StopCheck.check(kind, position.side(), price, position.entryPrice(), mark,
                liquidation, takerRate);
        return new StopStatus(stored, kind, price, verdict, liquidation);
    }

    private static StoredPosition find(AccountSnapshot snapshot, String reference) {
        String ref = reference == null ? "" : reference.strip();
        ref = ref.startsWith("#") ? ref.substring(1) : ref;
        if (!ref.matches("\\d{1,9}")) {
            throw CommandRejected.text("refusals.stop.reference.refused");
        }
        int number = Integer.parseInt(ref);
        return snapshot.byNumber(number).orElseThrow(() ->
                CommandRejected.text("refusals.position.noNumber.refused", String.valueOf(number)));
    }
}
