package org.marginsentinel.application.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.domain.community.TraderPeriod;

/** How the ledger of a period becomes the capital, path and liquidations the ranking measures. */
class LeaderboardsPeriodTest {

    private static final Instant T = Instant.parse("2030-05-01T00:00:00Z");

    private static LedgerEntry entry(LedgerKind kind, String amount, int minute) {
        return new LedgerEntry(7, kind, new BigDecimal(amount), T.plusSeconds(60L * minute));
    }

    @Test
    void accountOpenedInThePeriod_capitalIsWhatWasPaidIn_resultsOnly_onThePath() {
        // Opened with 10,000, deposited 2,000, +500 booked, withdrew 1,000, −300 booked, liquidated −1,200;
        // wallet now 10,000; open positions −150 now.
        List<LedgerEntry> entries = List.of(entry(LedgerKind.OPENING_BALANCE, "10000", 0),
                entry(LedgerKind.DEPOSIT, "2000", 1), entry(LedgerKind.REALIZED_PNL, "500", 2),
                entry(LedgerKind.WITHDRAWAL, "-1000", 3), entry(LedgerKind.REALIZED_PNL, "-300", 4),
                entry(LedgerKind.LIQUIDATION, "-1200", 5));

        TraderPeriod period = Leaderboards.periodOf(7, new BigDecimal("10000"), new BigDecimal("-150"), true, entries)
                .orElseThrow();

        assertThat(period.capital()).isEqualByComparingTo("12000");
        assertThat(period.pnlPath()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("500"), new BigDecimal("200"), new BigDecimal("-1000"),
                        new BigDecimal("-1150"));
        assertThat(period.liquidations()).isEqualTo(1);
    }

    @Test
    void olderAccount_capitalIsTheWalletAtTheStartOfThePeriod() {
        // Wallet now 9,400 after +200 booked and −800 liquidated in the period: it held 10,000 at the start.
        List<LedgerEntry> entries = List.of(entry(LedgerKind.REALIZED_PNL, "200", 0),
                entry(LedgerKind.LIQUIDATION, "-800", 1));

        TraderPeriod period = Leaderboards.periodOf(7, new BigDecimal("9400"), BigDecimal.ZERO, false, entries)
                .orElseThrow();

        assertThat(period.capital()).isEqualByComparingTo("10000");
        assertThat(period.finalPnl()).isEqualByComparingTo("-600");
    }

    @Test
    void noResultAndNoPosition_isNotRanked_butAnOpenPositionIs() {
        List<LedgerEntry> deposits = List.of(entry(LedgerKind.DEPOSIT, "500", 0));

        assertThat(Leaderboards.periodOf(7, new BigDecimal("10500"), BigDecimal.ZERO, false, deposits)).isEmpty();
        assertThat(Leaderboards.periodOf(7, new BigDecimal("10500"), new BigDecimal("42"), true, deposits))
                .hasValueSatisfying(p -> assertThat(p.finalPnl()).isEqualByComparingTo("42"));
    }
}
