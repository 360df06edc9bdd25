package org.marginsentinel.application.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PracticeMarks;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.application.port.TradingHistory;
import org.marginsentinel.domain.community.Standing;
import org.marginsentinel.domain.community.SurvivalRanking;
import org.marginsentinel.domain.community.TraderPeriod;

/**
 * Paper results of a set of members over a period, ranked by risk-adjusted survival
 * ({@link SurvivalRanking}). Per member, from the ledger:
 * <ul>
 *   <li>capital = wallet at the period's start + opening balance and deposits during it;</li>
 *   <li>the path = realized PnL, fees, funding and liquidation losses as they were booked, then the open positions'
 *       unrealized PnL now as the last point (deposits and withdrawals are not results);</li>
 *   <li>liquidations = liquidation entries in the period.</li>
 * </ul>
 * Practice positions ({@link PracticeMarks}) are left out: their results count as neither result nor capital.
 * Members who neither booked a result in the period nor hold a position now are not ranked (counted as idle).
 */
@ApplicationScoped
public class Leaderboards {

    @Inject
    TradingHistory history;

    @Inject
    PaperAccountStore accounts;

    @Inject
    PaperTrading trading;

    @Inject
    Clock clock;

    @Inject
    PracticeMarks practice;

    /** The periods a leaderboard covers: the last 7 days, the last 30 days, or since each account opened. */
    public enum Period {
        WEEK(Duration.ofDays(7), "this week"), MONTH(Duration.ofDays(30), "this month"), ALL(null, "all time");

        private final Duration length;
        private final String label;

        Period(Duration length, String label) {
            this.length = length;
            this.label = label;
        }

        public String label() {
            return label;
        }

        Instant start(Instant now) {
            return length == null ? Instant.EPOCH : now.minus(length);
        }
    }

    /**
     * @param ranked best first
     * @param idle   members without an account or without any result in the period
     */
    public record Leaderboard(Period period, List<Standing> ranked, int idle) {
    }

    @Transactional
    public Leaderboard rank(Collection<Long> memberIds, Period period) {
        Instant since = period.start(clock.instant());
        Set<Long> practiceIds = practice.practiceIds(memberIds);
        // A practice position's PnL, fees and funding (its entry was a price nobody traded) count as money moved in
        // or out, like a withdrawal: neither a result nor capital at risk.
        Map<Long, List<LedgerEntry>> byUser = history.entriesSince(memberIds, since).stream()
                .map(e -> e.positionId() == null || !practiceIds.contains(e.positionId()) ? e
                        : new LedgerEntry(e.userId(), LedgerKind.WITHDRAWAL, e.amount(), e.at(), e.positionId()))
                .collect(Collectors.groupingBy(LedgerEntry::userId));
        List<TraderPeriod> periods = new ArrayList<>();
        for (long userId : memberIds) {
            if (accounts.find(userId).isEmpty()) {
                continue;
            }
            AccountSnapshot now = trading.snapshot(userId);
            BigDecimal wallet = now.risk().walletBalance();
            BigDecimal unrealized = BigDecimal.ZERO;
            boolean holds = false;
            for (StoredPosition position : now.positions()) {
                if (practiceIds.contains(position.id())) {
                    continue;
                }
                unrealized = unrealized.add(now.riskOf(position).unrealizedPnl());
                holds = true;
            }
            periodOf(userId, wallet, unrealized, holds, byUser.getOrDefault(userId, List.of())).ifPresent(periods::add);
        }
        return new Leaderboard(period, SurvivalRanking.rank(periods), memberIds.size() - periods.size());
    }

    /**
     * One member's period from the wallet now, the open positions' unrealized PnL now and the ledger entries of
     * the period (oldest first); empty when the member has nothing to rank.
     */
    static Optional<TraderPeriod> periodOf(long userId, BigDecimal wallet, BigDecimal unrealized,
                                           boolean holdsPositions, List<LedgerEntry> entries) {
        BigDecimal changedSince = BigDecimal.ZERO;
        BigDecimal paidIn = BigDecimal.ZERO;
        BigDecimal result = BigDecimal.ZERO;
        List<BigDecimal> path = new ArrayList<>();
        int liquidations = 0;
        for (LedgerEntry entry : entries) {
            changedSince = changedSince.add(entry.amount());
            switch (entry.kind()) {
                case OPENING_BALANCE, DEPOSIT -> paidIn = paidIn.add(entry.amount());
                case REALIZED_PNL, LIQUIDATION, FEE, FUNDING -> { // results are net of fees and funding
                    result = result.add(entry.amount());
                    path.add(result);
                    if (entry.kind() == LedgerKind.LIQUIDATION) {
                        liquidations++;
                    }
                }
                case WITHDRAWAL -> {
                    // money taken out is neither a result nor capital at risk
                }
            }
        }
        if (path.isEmpty() && !holdsPositions) {
            return Optional.empty();
        }
        path.add(result.add(unrealized));
        BigDecimal capital = wallet.subtract(changedSince).add(paidIn);
        if (capital.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new TraderPeriod(userId, capital, path, liquidations));
    }
}
