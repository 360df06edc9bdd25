package org.marginsentinel.application.trigger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.PositionStop;
import org.marginsentinel.domain.trigger.PriceAlert;

/**
 * Every price alert and stop in memory, by symbol, so the tick judges them against its marks without reading a row.
 * Thread-safe: the tick reads while commands' commits replace a user's entries.
 */
final class TriggerBook {

    private final Map<String, List<PriceAlert>> alertsBySymbol = new HashMap<>();
    private final Map<String, List<PositionStop>> stopsBySymbol = new HashMap<>();
    private final Map<Long, Integer> stopsByUser = new HashMap<>();

    /** Something due at a mark. */
    record Due<T>(T trigger, BigDecimal mark) {
    }

    synchronized void replaceAlerts(long userId, List<PriceAlert> alerts) {
        alertsBySymbol.values().forEach(list -> list.removeIf(a -> a.userId() == userId));
        alerts.forEach(this::add);
        alertsBySymbol.values().removeIf(List::isEmpty);
    }

    synchronized void replaceStops(long userId, List<PositionStop> stops) {
        stopsBySymbol.values().forEach(list -> list.removeIf(s -> s.userId() == userId));
        stopsByUser.remove(userId);
        stops.forEach(this::add);
        stopsBySymbol.values().removeIf(List::isEmpty);
    }

    synchronized void add(PriceAlert alert) {
        alertsBySymbol.computeIfAbsent(alert.symbol(), s -> new ArrayList<>()).add(alert);
    }

    synchronized void add(PositionStop stop) {
        stopsBySymbol.computeIfAbsent(stop.symbol(), s -> new ArrayList<>()).add(stop);
        stopsByUser.merge(stop.userId(), 1, Integer::sum);
    }

    synchronized void remove(PriceAlert alert) {
        List<PriceAlert> alerts = alertsBySymbol.get(alert.symbol());
        if (alerts != null) {
            alerts.removeIf(a -> a.id() == alert.id());
        }
    }

    synchronized boolean hasStops(long userId) {
        return stopsByUser.containsKey(userId);
    }

    synchronized void clear() {
        alertsBySymbol.clear();
        stopsBySymbol.clear();
        stopsByUser.clear();
    }

    /** The alerts these marks fire. */
    synchronized List<Due<PriceAlert>> dueAlerts(Map<String, MarkPrice> marks) {
        List<Due<PriceAlert>> due = new ArrayList<>();
        alertsBySymbol.forEach((symbol, alerts) -> {
            MarkPrice mark = marks.get(symbol);
            if (mark != null) {
                alerts.stream().filter(a -> a.firesAt(mark.price())).forEach(a -> due.add(new Due<>(a, mark.price())));
            }
        });
        return due;
    }

    /** The stops these marks trigger. */
    synchronized List<Due<PositionStop>> dueStops(Map<String, MarkPrice> marks) {
        List<Due<PositionStop>> due = new ArrayList<>();
        stopsBySymbol.forEach((symbol, stops) -> {
            MarkPrice mark = marks.get(symbol);
            if (mark != null) {
                stops.stream().filter(s -> s.triggeredBy(mark.price()))
                        .forEach(s -> due.add(new Due<>(s, mark.price())));
            }
        });
        return due;
    }

    synchronized int size() {
        return alertsBySymbol.values().stream().mapToInt(List::size).sum()
                + stopsBySymbol.values().stream().mapToInt(List::size).sum();
    }
}
