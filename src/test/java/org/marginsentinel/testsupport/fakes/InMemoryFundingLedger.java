package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.port.FundingDue;
import org.marginsentinel.application.port.FundingLedger;
import org.marginsentinel.application.port.PositionStatus;

/**
 * {@link FundingLedger} in memory, as the database keeps it: a second payment of one position at one funding time
 * fails as the table's primary key makes it fail. Survives a "restart" of the use cases when the test keeps it.
 */
public final class InMemoryFundingLedger implements FundingLedger {

    private record Key(String symbol, Instant fundingTime) {
    }

    /** One booked payment. */
    public record Payment(long userId, long positionId, String symbol, Instant fundingTime, BigDecimal rate,
                          BigDecimal mark, BigDecimal received) {
    }

    private final InMemoryAccountStore accounts;
    private final Map<Key, BigDecimal> announced = new LinkedHashMap<>();
    private final Map<Key, Boolean> settled = new HashMap<>();
    private final List<Payment> payments = new ArrayList<>();

    public InMemoryFundingLedger(InMemoryAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public void announce(String symbol, Instant fundingTime, BigDecimal rate) {
        Key key = new Key(symbol, fundingTime);
        if (!settled.getOrDefault(key, false)) {
            announced.put(key, rate);
            settled.putIfAbsent(key, false);
        }
    }

    @Override
    public List<FundingDue> due(Instant now) {
        return announced.entrySet().stream()
                .filter(e -> !settled.get(e.getKey()) && !e.getKey().fundingTime().isAfter(now))
                .map(e -> new FundingDue(e.getKey().symbol(), e.getKey().fundingTime(), e.getValue()))
                .sorted(Comparator.comparing(FundingDue::fundingTime).thenComparing(FundingDue::symbol)).toList();
    }

    @Override
    public void settled(String symbol, Instant fundingTime) {
        settled.put(new Key(symbol, fundingTime), true);
    }

    @Override
    public List<Long> holders(String symbol, Instant openedBy) {
        return accounts.allRows().stream().filter(r -> r.status() == PositionStatus.OPEN
                        && r.position().symbol().equals(symbol) && !r.openedAt().isAfter(openedBy))
                .map(InMemoryAccountStore.Row::userId).distinct().sorted().toList();
    }

    @Override
    public boolean paid(long positionId, Instant fundingTime) {
        return payments.stream().anyMatch(p -> p.positionId() == positionId && p.fundingTime().equals(fundingTime));
    }

    @Override
    public void recordPayment(long userId, long positionId, String symbol, Instant fundingTime, BigDecimal rate,
                              BigDecimal mark, BigDecimal received) {
        if (paid(positionId, fundingTime)) {
            throw new IllegalStateException("duplicate key: position " + positionId + " at " + fundingTime);
        }
        payments.add(new Payment(userId, positionId, symbol, fundingTime, rate, mark, received));
    }

    @Override
    public Map<Long, BigDecimal> receivedByPosition(long userId) {
        Map<Long, BigDecimal> received = new HashMap<>();
        payments.stream().filter(p -> p.userId() == userId)
                .forEach(p -> received.merge(p.positionId(), p.received(), BigDecimal::add));
        return received;
    }

    /** Every payment booked so far. */
    public List<Payment> payments() {
        return List.copyOf(payments);
    }
}
