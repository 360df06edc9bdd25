package org.marginsentinel.application.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marginsentinel.application.port.LedgerEntry;

/**
 * Ledger entries summed per UTC day over a period: realised PnL, fees, funding and liquidations (deposits,
 * withdrawals and the opening balance are not trading and are left out). Pure.
 *
 * @param days  every day of the period, oldest first, quiet days included (a chart needs them)
 * @param total the sums over the whole period
 */
public record PnlByDay(PnlPeriod period, List<DayPnl> days, DayPnl total) {

    /** Sums {@code entries} into the days from {@code first} to {@code last} (UTC); entries outside are ignored. */
    public static PnlByDay of(PnlPeriod period, List<LedgerEntry> entries, LocalDate first, LocalDate last) {
        Map<LocalDate, DayPnl> byDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            byDay.put(day, DayPnl.empty(day));
        }
        for (LedgerEntry entry : entries) {
            LocalDate day = LocalDate.ofInstant(entry.at(), ZoneOffset.UTC);
            DayPnl sums = byDay.get(day);
            DayPnl booked = booked(entry, day);
            if (sums != null && booked != null) {
                byDay.put(day, sums.plus(booked));
            }
        }
        DayPnl total = DayPnl.empty(last);
        List<DayPnl> days = new ArrayList<>(byDay.values());
        for (DayPnl day : days) {
            total = total.plus(day);
        }
        return new PnlByDay(period, List.copyOf(days), total);
    }

    /** True when nothing at all was booked in the period. */
    public boolean quiet() {
        return total.quiet();
    }

    private static DayPnl booked(LedgerEntry entry, LocalDate day) {
        BigDecimal amount = entry.amount();
        BigDecimal zero = BigDecimal.ZERO;
        return switch (entry.kind()) {
            case REALIZED_PNL -> new DayPnl(day, amount, zero, zero, zero);
            case FEE -> new DayPnl(day, zero, amount, zero, zero);
            case FUNDING -> new DayPnl(day, zero, zero, amount, zero);
            case LIQUIDATION -> new DayPnl(day, zero, zero, zero, amount);
            default -> null;
        };
    }
}
