package org.marginsentinel.application.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.LedgerKind;

class PnlByDayTest {

    private static final LocalDate FIRST = LocalDate.parse("2031-03-01");
    private static final LocalDate LAST = LocalDate.parse("2031-03-07");

    private static LedgerEntry entry(LedgerKind kind, String amount, String at) {
        return new LedgerEntry(7, kind, new BigDecimal(amount), Instant.parse(at), 1L);
    }

    @Test
    void of_sumsEachKindByUtcDay_andLeavesDepositsOut() {
        PnlByDay pnl = PnlByDay.of(PnlPeriod.WEEK, List.of(
                entry(LedgerKind.OPENING_BALANCE, "10000", "2031-03-01T00:00:00Z"),
                entry(LedgerKind.FEE, "-2.5", "2031-03-01T23:59:59.999Z"),
                entry(LedgerKind.REALIZED_PNL, "120", "2031-03-02T00:00:00Z"),
                entry(LedgerKind.FEE, "-3", "2031-03-02T10:00:00Z"),
                entry(LedgerKind.FUNDING, "-0.75", "2031-03-02T16:00:00Z"),
                entry(LedgerKind.DEPOSIT, "500", "2031-03-02T17:00:00Z"),
                entry(LedgerKind.LIQUIDATION, "-400", "2031-03-05T08:00:00Z"),
                entry(LedgerKind.REALIZED_PNL, "-50", "2031-03-05T09:00:00Z"),
                entry(LedgerKind.WITHDRAWAL, "-100", "2031-03-06T09:00:00Z")), FIRST, LAST);

        assertThat(pnl.days()).hasSize(7);
        assertThat(pnl.days().get(0).day()).isEqualTo(FIRST);
        assertThat(pnl.days().get(0).fees()).isEqualByComparingTo("-2.5");
        assertThat(pnl.days().get(0).net()).isEqualByComparingTo("-2.5");
        DayPnl second = pnl.days().get(1);
        assertThat(second.realizedPnl()).isEqualByComparingTo("120");
        assertThat(second.fees()).isEqualByComparingTo("-3");
        assertThat(second.funding()).isEqualByComparingTo("-0.75");
        assertThat(second.net()).isEqualByComparingTo("116.25");
        assertThat(pnl.days().get(3).quiet()).isTrue();
        assertThat(pnl.days().get(4).liquidations()).isEqualByComparingTo("-400");
        assertThat(pnl.days().get(5).quiet()).as("a withdrawal is not trading").isTrue();
        assertThat(pnl.total().realizedPnl()).isEqualByComparingTo("70");
        assertThat(pnl.total().fees()).isEqualByComparingTo("-5.5");
        assertThat(pnl.total().net()).isEqualByComparingTo("-336.25");
    }

    @Test
    void of_ignoresEntriesOutsideThePeriod() {
        PnlByDay pnl = PnlByDay.of(PnlPeriod.DAY, List.of(
                entry(LedgerKind.REALIZED_PNL, "10", "2031-03-06T23:59:59Z"),
                entry(LedgerKind.REALIZED_PNL, "20", "2031-03-07T00:00:00Z"),
                entry(LedgerKind.REALIZED_PNL, "40", "2031-03-08T00:00:00Z")), LAST, LAST);

        assertThat(pnl.days()).hasSize(1);
        assertThat(pnl.total().realizedPnl()).isEqualByComparingTo("20");
    }

    @Test
    void of_nothingBooked_isQuiet() {
        assertThat(PnlByDay.of(PnlPeriod.WEEK, List.of(), FIRST, LAST).quiet()).isTrue();
    }

    @Test
    void period_firstDay_includesToday() {
        assertThat(PnlPeriod.WEEK.firstDay(LAST)).isEqualTo(FIRST);
        assertThat(PnlPeriod.DAY.firstDay(LAST)).isEqualTo(LAST);
        assertThat(PnlPeriod.MONTH.firstDay(LAST)).isEqualTo(LocalDate.parse("2031-02-06"));
        assertThat(PnlPeriod.parse("Month")).contains(PnlPeriod.MONTH);
        assertThat(PnlPeriod.parse("year")).isEmpty();
    }
}
