package org.marginsentinel.adapter.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the operator's status page shows, gathered at one moment by {@link StatusCollector}
 * and rendered by {@link StatusPage}.
 *
 * @param checks     the readiness checks of {@code /q/health/ready}, with their details
 * @param prices     the mark-price feed
 * @param people     chats and what the risk engine watches
 * @param deliveries messages queued and sent since start, by kind (critical, warning, reply, other)
 * @param problems   the last warnings and errors logged, newest first
 */
public record StatusReport(Instant at, List<Check> checks, Prices prices, People people, List<Delivery> deliveries,
                           List<RecentProblems.Problem> problems) {

    /** One readiness check; {@code data} holds its details (reason, last error, ages). */
    public record Check(String name, boolean up, Map<String, Object> data) {
    }

    /**
     * @param staleAfter a mark older than this is not acted on
     * @param failingFor how long polls have been failing without any good mark, if they are
     * @param sources    per exchange: how many symbols it supplied the last good mark of, and how fresh
     * @param held       symbols with open positions and their marks
     */
    public record Prices(Duration staleAfter, Optional<Duration> failingFor, List<Source> sources, List<HeldMark> held) {
    }

    public record Source(String name, int symbols, int fresh, Duration newestAge) {
    }

    /** A held symbol's last good mark; {@code price} empty when the feed never had one. */
    public record HeldMark(String symbol, Optional<String> price, Optional<String> source, Optional<Duration> age,
                           boolean stale) {
    }

    public record People(long privateChats, long groups, int usersWithPositions, int openPositions) {
    }

    public record Delivery(String kind, long queued, long sent) {
    }
}
