package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;
import java.util.Objects;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;

/**
 * A detached copy of one PENDING outbox row, as the sender sees it. {@code plainText}: send {@code html} without
 * parse mode (Telegram refused its markup once); {@code createdAt}: when it was queued; {@code sendRank}: within its
 * priority, lower goes first (closest to liquidation); {@code deleteMessage}: delete the message {@code editMessageId}.
 */
public record OutboxRow(long id, long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                        String html, String buttonsJson, boolean silent, int priority, int attempts, boolean hasPhoto,
                        boolean plainText, Instant createdAt, long sendRank, boolean deleteMessage) {

    /** A row that sends or edits (not a deletion). */
    public OutboxRow(long id, long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                     String html, String buttonsJson, boolean silent, int priority, int attempts, boolean hasPhoto,
                     boolean plainText, Instant createdAt, long sendRank) {
        this(id, chatId, messageThreadId, replyToMessageId, editMessageId, html, buttonsJson, silent, priority,
                attempts, hasPhoto, plainText, createdAt, sendRank, false);
    }

    /** An unranked row. */
    public OutboxRow(long id, long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                     String html, String buttonsJson, boolean silent, int priority, int attempts, boolean hasPhoto,
                     boolean plainText, Instant createdAt) {
        this(id, chatId, messageThreadId, replyToMessageId, editMessageId, html, buttonsJson, silent, priority,
                attempts, hasPhoto, plainText, createdAt, Long.MAX_VALUE);
    }

    /** A row queued just now. */
    public OutboxRow(long id, long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                     String html, String buttonsJson, boolean silent, int priority, int attempts, boolean hasPhoto) {
        this(id, chatId, messageThreadId, replyToMessageId, editMessageId, html, buttonsJson, silent, priority,
                attempts, hasPhoto, false, Instant.EPOCH);
    }

    /** A text row. */
    public OutboxRow(long id, long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                     String html, String buttonsJson, boolean silent, int priority, int attempts) {
        this(id, chatId, messageThreadId, replyToMessageId, editMessageId, html, buttonsJson, silent, priority,
                attempts, false);
    }

    private static final int REPLY_PRIORITY = org.marginsentinel.adapter.telegram.delivery.OutgoingMessage.PRIORITY_REPLY;

    /**
     * Can this row be appended to {@code head} in one Telegram message? Only proactive notices are merged
     * (several warnings of one tick become one message); each command keeps its own reply. A user's warnings merge
     * even with their action buttons: the digest carries the buttons of its most urgent warning (the others' remedies
     * live in /risk), and one message instead of one per position lets Telegram's 30 messages a second reach more
     * users in a crash. Elsewhere rows with buttons go alone.
     */
    public boolean mergeableWith(OutboxRow head) {
        return priority != REPLY_PRIORITY && head.priority != REPLY_PRIORITY
                && editMessageId == null && head.editMessageId == null
                && !hasPhoto && !head.hasPhoto && !plainText && !head.plainText
                && (buttonsJson == null && head.buttonsJson == null || privateWarning() && head.privateWarning())
                && attempts == 0 && head.attempts == 0
                && chatId == head.chatId && silent == head.silent
                && Objects.equals(messageThreadId, head.messageThreadId)
                && Objects.equals(replyToMessageId, head.replyToMessageId);
    }

    /** A warning (any level, or a liquidation notice) to a user's private chat; the constants compile in. */
    private boolean privateWarning() {
        return chatId > 0 && editMessageId == null && (priority == OutgoingMessage.PRIORITY_FIRST_WARNING
                || priority == OutgoingMessage.PRIORITY_CRITICAL || priority == OutgoingMessage.PRIORITY_DANGER
                || priority == OutgoingMessage.PRIORITY_WARNING);
    }
}
