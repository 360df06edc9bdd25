package org.marginsentinel.adapter.telegram.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's flood limits as the Bot API applies them, by arrival time: at most {@code perSecond} messages in
 * any second overall, {@code chatInterval} between two messages to one chat, {@code groupPerMinute} messages
 * per minute to one group. A message over a limit is refused (the fake answers 429 with retry_after) and does
 * not count. Guarded by the {@link FakeTelegram}'s lock.
 */
final class TelegramLimits {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final int perSecond;
    private final long chatIntervalNanos;
    private final int groupPerMinute;
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final Map<Long, Long> lastByChat = new HashMap<>();
    private final Map<Long, ArrayDeque<Long>> lastMinuteByGroup = new HashMap<>();

    TelegramLimits(int perSecond, Duration chatInterval, int groupPerMinute) {
        this.perSecond = perSecond;
        this.chatIntervalNanos = chatInterval.toNanos();
        this.groupPerMinute = groupPerMinute;
    }

    /** Seconds to wait (for retry_after) if a message to {@code chatId} arriving at {@code nanos} is over a limit; else 0, and it counts. */
    int admit(long chatId, long nanos) {
        while (!lastSecond.isEmpty() && nanos - lastSecond.peekFirst() >= SECOND) {
            lastSecond.pollFirst();
        }
        if (lastSecond.size() >= perSecond) {
            return 1;
        }
        Long last = lastByChat.get(chatId);
        if (last != null && nanos - last < chatIntervalNanos) {
            return 1;
        }
        ArrayDeque<Long> group = null;
        if (chatId < 0) {
            group = lastMinuteByGroup.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            while (!group.isEmpty() && nanos - group.peekFirst() >= MINUTE) {
                group.pollFirst();
            }
            if (group.size() >= groupPerMinute) {
                return (int) Math.max(1, (MINUTE - (nanos - group.peekFirst())) / SECOND);
            }
        }
        lastSecond.addLast(nanos);
        lastByChat.put(chatId, nanos);
        if (group != null) {
            group.addLast(nanos);
        }
        return 0;
    }
}
