package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.FundingLedger;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.application.port.FundingRates;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.paper.Funding;

/**
 * Funding as {@code /positions} and {@code /risk} show it: what each position has received or paid so far, and what
 * the next funding time will do at the announced rate and today's mark — the payment and the liquidation price
 * after it (isolated: its margin changes; cross: the cross wallet does, other marks held where they are).
 */
@ApplicationScoped
public class FundingOutlook {

    private final FundingLedger ledger;
    private final FundingRates rates;
    private final MarginCalculator calculator;

    @Inject
    public FundingOutlook(FundingLedger ledger, FundingRates rates, MarginCalculator calculator) {
        this.ledger = ledger;
        this.rates = rates;
        this.calculator = calculator;
    }

    /**
     * One position's funding.
     *
     * @param receivedSoFar      funding received (negative: paid) since the position opened
     * @param next               the announced next funding, or null when the feed has none
     * @param nextReceived       what the position would receive (negative: pay) at the next funding time
     * @param liquidationAfter   its liquidation price after that payment (null: none, or no announcement)
     */
    public record View(BigDecimal receivedSoFar, FundingRate next, BigDecimal nextReceived,
                       BigDecimal liquidationAfter) {
    }

    @Transactional
    public Map<Long, View> of(AccountSnapshot snapshot) {
        Map<Long, BigDecimal> received = snapshot.positions().isEmpty() ? Map.of()
                : ledger.receivedByPosition(snapshot.account().userId());
        Map<Long, View> views = new HashMap<>();
        for (int i = 0; i < snapshot.positions().size(); i++) {
            StoredPosition stored = snapshot.positions().get(i);
            PositionRisk risk = snapshot.risk().positions().get(i);
            BigDecimal soFar = received.getOrDefault(stored.id(), BigDecimal.ZERO);
            Optional<FundingRate> next = rates.funding(stored.position().symbol());
            if (next.isEmpty()) {
                views.put(stored.id(), new View(soFar, null, null, null));
                continue;
            }
            BigDecimal payment = Funding.received(stored.position(), risk.markPrice(), next.get().rate());
            views.put(stored.id(), new View(soFar, next.get(), payment, liquidationAfter(snapshot, i, payment)));
        }
        return views;
    }

    private BigDecimal liquidationAfter(AccountSnapshot snapshot, int index, BigDecimal payment) {
        return Funding.afterPayment(calculator, snapshot.risk(), index, payment).positions().get(index)
                .liquidationPrice();
    }
}
