package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.application.port.FundingRates;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * Funding of paper positions at each symbol's funding time, run periodically by an adapter:
 * <ol>
 *   <li>the rate the exchange announces for a held symbol's next funding time is remembered in the database (so a
 *       restart across the funding time still knows it);</li>
 *   <li>once a remembered funding time has passed and the symbol has a fresh mark, every position opened by then
 *       is paid or charged {@code size × mark × rate}, one account per transaction, and the funding time is marked
 *       settled. Each payment is recorded per position and funding time: a crash half-way and a restart pay the
 *       rest, never the same position twice.</li>
 * </ol>
 * The mark used is the exchange's: the last mark at or before the funding time ({@link FundingMarks}), not the one
 * seconds later when settlement runs; only when none was seen (a restart across the funding time) the current one.
 */
@ApplicationScoped
public class FundingSettlement {

    private final FundingBooking booking;
    private final FundingRates rates;
    private final MarkPrices prices;
    private final Clock clock;
    private final PaperTrading trading;
    private final Notifier notifier;
    private final FundingMarks fundingMarks;
    private static final RiskThresholds NEAR = RiskThresholds.DEFAULTS;

    /** What was last written per symbol, so an unchanged announcement is not written again every run. */
    private final Map<String, FundingRate> announced = new ConcurrentHashMap<>();

    @Inject
    public FundingSettlement(FundingBooking booking, FundingRates rates, MarkPrices prices, Clock clock,
                             PaperTrading trading, Notifier notifier, FundingMarks fundingMarks) {
        this.booking = booking;
        this.rates = rates;
        this.prices = prices;
        this.clock = clock;
        this.trading = trading;
        this.notifier = notifier;
        this.fundingMarks = fundingMarks;
    }

    /** Remembers the held symbols' announcements, then settles every funding time that has passed. */
    public synchronized List<FundingBooking.Payment> run(Set<String> heldSymbols) {
        Instant now = clock.instant();
        List<FundingRate> changed = new ArrayList<>();
        for (String symbol : heldSymbols) {
            Optional<FundingRate> rate = rates.funding(symbol);
            if (rate.isPresent() && rate.get().nextFundingTime().isAfter(now)) {
                fundingMarks.watch(symbol, rate.get().nextFundingTime());
                if (!rate.get().equals(announced.get(symbol))) {
                    changed.add(rate.get());
                }
            }
        }
        if (!changed.isEmpty()) {
            booking.announce(changed);
            changed.forEach(rate -> announced.put(rate.symbol(), rate));
        }
        return settleDue(now);
    }

    private List<FundingBooking.Payment> settleDue(Instant now) {
        List<FundingBooking.Payment> payments = new ArrayList<>();
        for (FundingDue due : booking.due(now)) {
            // The exchange's mark at the funding time: the last one seen by then; lacking it (a restart across it), ours.
            Optional<BigDecimal> mark = fundingMarks.at(due.symbol(), due.fundingTime())
                    .or(() -> prices.latest(due.symbol()).map(MarkPrice::price));
            if (mark.isEmpty()) {
                continue; // settled at the next run with a fresh mark
            }
            for (long userId : booking.holders(due)) {
                List<FundingBooking.Payment> paid = booking.settle(userId, due, mark.get(), now);
                payments.addAll(paid);
                noteNearWarnings(userId, due, paid);
            }
            booking.settled(due);
            fundingMarks.settled(due.symbol(), due.fundingTime());
        }
        return payments;
    }

    /**
     * A short note for each payment that leaves its position near or past a warning level: an isolated position
     * within 1.5 × the warning distance of its liquidation price, a cross pool at 80% of the warning margin ratio.
     */
    private void noteNearWarnings(long userId, FundingDue due, List<FundingBooking.Payment> paid) {
        List<FundingBooking.Payment> paying = paid.stream().filter(p -> p.received().signum() < 0).toList();
        if (paying.isEmpty()) {
            return;
        }
        AccountSnapshot snapshot = trading.snapshot(userId);
        for (FundingBooking.Payment payment : paying) {
            Optional<StoredPosition> stored = snapshot.positions().stream()
                    .filter(p -> p.id() == payment.position().id()).findFirst();
            if (stored.isEmpty()) {
                continue;
            }
            PositionRisk risk = snapshot.riskOf(stored.get());
            boolean near = stored.get().position().isIsolated()
                    ? risk.distanceToLiquidation() != null && risk.distanceToLiquidation()
                            .compareTo(NEAR.isolatedWarning().multiply(new BigDecimal("1.5"))) <= 0
                    : snapshot.risk().cross().marginRatio() == null || snapshot.risk().cross().marginRatio()
                            .compareTo(NEAR.crossWarning().multiply(new BigDecimal("0.8"))) >= 0;
            if (near) {
                notifier.notify(new Notice.FundingPaid(userId, stored.get().position().id(), stored.get().number(),
                        due.symbol(), payment.received().negate(), due.rate(), risk.liquidationPrice(),
                        risk.distanceToLiquidation()));
            }
        }
    }
}
