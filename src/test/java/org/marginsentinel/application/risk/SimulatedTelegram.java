package org.marginsentinel.application.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.marginsentinel.adapter.telegram.alerts.NoticeText;
import org.marginsentinel.adapter.telegram.alerts.TelegramNotifier;
import org.marginsentinel.adapter.telegram.connection.SendRateLimiter;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.alert.SendUrgency;

/**
 * The outbox and its sender on a simulated clock, for the crash replay: notices queued as {@link TelegramNotifier}
 * queues them (priority by severity, a newer notice about a subject replacing the unsent older one, the send rank
 * of {@link SendUrgency}, or another {@link Order} to compare), then handed out in the sender's order (priority, rank, age)
 * through the real {@link SendRateLimiter} with Telegram's limits (30 calls/s, 1 s per private chat); a chat's
 * pending notices go out merged in one call (a digest, most urgent first, within Telegram's 4,096 characters), as
 * the sender merges them. Nothing sleeps.
 */
final class SimulatedTelegram {

    /** How long a sendMessage call takes. */
    static final long CALL_MILLIS = 150;

    private record Row(long id, long chat, int priority, long rank, String supersedeKey, Notice notice, int length) {
    }

    private static final Comparator<Row> SEND_ORDER = Comparator.comparingInt(Row::priority)
            .thenComparingLong(Row::rank).thenComparingLong(Row::id);

    /** How the queue is ordered: the shipped orders and one proposed. */
    enum Order {
        /** Shipped: a subject's first warning before everything else, then by priority, then nearest first. */
        FIRST_WARNINGS_FIRST,
        /** Issue 12 before first warnings went first: by priority, then nearest to liquidation. */
        NEAREST_FIRST,
        /** Before issue 12: by priority, then age. */
        LEVEL_ONLY,
        /** Proposed: nearest first, and liquidation notices after the live warnings of every level. */
        LIQUIDATIONS_LAST
    }

    private final Order order;
    private long now;
    private final SendRateLimiter limiter = new SendRateLimiter(30, java.time.Duration.ofSeconds(1), 20, () -> now);
    private final TreeSet<Row> queue = new TreeSet<>(SEND_ORDER);
    private final Map<Long, List<Row>> byChat = new HashMap<>();
    private final List<long[]> inFlight = new ArrayList<>(); // {chat, endsAt}
    private final BiConsumer<Notice, Long> delivered;
    private long nextId;
    private long calls;

    /** @param delivered told of every notice Telegram accepted, with the simulated millisecond */
    SimulatedTelegram(Order order, BiConsumer<Notice, Long> delivered) {
        this.order = order;
        this.delivered = delivered;
    }

    void enqueue(Notice notice) {
        long chat = notice.userId();
        String key = TelegramNotifier.supersedeKey(notice);
        List<Row> pending = byChat.computeIfAbsent(chat, c -> new ArrayList<>());
        boolean liquidation = notice instanceof Notice.IsolatedLiquidated || notice instanceof Notice.CrossLiquidated;
        int priority = order == Order.LIQUIDATIONS_LAST && liquidation ? Integer.MAX_VALUE
                : order == Order.FIRST_WARNINGS_FIRST ? TelegramNotifier.priority(notice)
                : TelegramNotifier.priority(notice.severity());
        if (key != null) {
            int[] replacedPriority = {Integer.MAX_VALUE};
            pending.removeIf(row -> {
                boolean superseded = Objects.equals(row.supersedeKey(), key);
                if (superseded) {
                    queue.remove(row);
                    replacedPriority[0] = Math.min(replacedPriority[0], row.priority());
                }
                return superseded;
            });
            if (order == Order.FIRST_WARNINGS_FIRST) {
                priority = Math.min(priority, replacedPriority[0]); // as Outbox: a replacement keeps its place
            }
        }
        Row row = new Row(nextId++, chat, priority, order == Order.LEVEL_ONLY ? SendUrgency.UNRANKED
                : SendUrgency.of(notice), key, notice, NoticeText.of(notice, Texts.of(Language.EN)).length());
        pending.add(row);
        queue.add(row);
    }

    /** Runs the sender until {@code until} (simulated milliseconds), in steps of 10 ms. */
    void runUntil(long until) {
        for (; now < until; now += 10) {
            Iterator<long[]> calling = inFlight.iterator();
            while (calling.hasNext()) {
                long[] call = calling.next();
                if (call[1] <= now) {
                    limiter.release(call[0]);
                    calling.remove();
                }
            }
            handOut();
        }
    }

    /** Most urgent chat first, as {@code OutboxSender.handOut}: stops when the global budget is spent. */
    private void handOut() {
        Iterator<Row> rows = queue.iterator();
        List<Long> served = new ArrayList<>();
        java.util.Set<Long> looked = new java.util.HashSet<>();
        while (rows.hasNext()) {
            Row head = rows.next();
            if (!looked.add(head.chat())) {
                continue;
            }
            if (limiter.globalWait() > 0) {
                break;
            }
            if (limiter.tryAcquire(head.chat()) > 0) {
                continue;
            }
            served.add(head.chat());
            inFlight.add(new long[] {head.chat(), now + CALL_MILLIS});
            calls++;
        }
        for (long chat : served) {
            List<Row> merged = digest(byChat.get(chat));
            byChat.get(chat).removeAll(merged);
            if (byChat.get(chat).isEmpty()) {
                byChat.remove(chat);
            }
            merged.forEach(queue::remove);
            merged.forEach(row -> delivered.accept(row.notice(), now + CALL_MILLIS));
        }
    }

    /**
     * The rows of one call, as {@code BotApiCalls.mergeable} takes them: the chat's most urgent row and those after it
     * (in send order) while the message stays within Telegram's 4,096 characters and silent and loud do not mix.
     */
    private List<Row> digest(List<Row> pendingOfChat) {
        List<Row> ordered = pendingOfChat.stream().sorted(SEND_ORDER).toList();
        Row head = ordered.get(0);
        List<Row> batch = new ArrayList<>(List.of(head));
        int length = head.length();
        for (Row next : ordered.subList(1, ordered.size())) {
            length += 2 + next.length();
            if (length > 4_096 || next.notice().silent() != head.notice().silent()) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    long now() {
        return now;
    }

    long calls() {
        return calls;
    }

    int pending() {
        return queue.size();
    }
}
