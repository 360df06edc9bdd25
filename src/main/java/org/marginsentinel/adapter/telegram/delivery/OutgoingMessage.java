package org.marginsentinel.adapter.telegram.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.marginsentinel.adapter.telegram.command.Button;

/**
 * A message for {@link Outbox#enqueue}: a new message to a chat, or (with {@code editMessageId})
 * a new text for one of the bot's earlier messages. Build it with {@link #to} / {@link #edit} and
 * the {@code with…} methods.
 *
 * <p><b>Priority: lower numbers are more urgent</b> and go first when the rate limits make
 * messages wait: {@link #PRIORITY_FIRST_WARNING} (-10) for a subject's first warning (a user who has not heard
 * about it yet hears before anyone hears a second time), {@link #PRIORITY_CRITICAL} (0) for imminent-liquidation
 * warnings,
 * {@link #PRIORITY_REPLY} (10) for answers to users, {@link #PRIORITY_DANGER} (15) for DANGER warnings,
 * {@link #PRIORITY_WARNING} (20),
 * {@link #PRIORITY_NORMAL} (50) and {@link #PRIORITY_LOW} (100). Within one priority, older first.
 *
 * @param chatId           target chat (user id for private chats, negative for groups)
 * @param messageThreadId  forum topic, or null
 * @param replyToMessageId quote this message (sent anyway if it was deleted), or null
 * @param editMessageId    edit this bot message instead of sending a new one, or null
 * @param html             Telegram HTML; longer than 4,096 characters is split on line boundaries
 *                         (edits are cut short instead)
 * @param buttons          inline keyboard rows (on the last part of a split message); empty for none.
 *                         For an edit, no buttons removes the message's keyboard
 * @param silent           deliver without notification sound
 * @param priority         see above
 * @param supersedeKey     if set, a newer message with the same key for the same chat replaces
 *                         any older one that is still unsent (e.g. {@code "risk:BTCUSDT"}); max 128 chars
 * @param notBefore        not sent before this instant (null: at once). Notices for one chat that share a
 *                         notBefore become due together and go out merged into one message (a batch)
 * @param photoPng         a PNG to send with sendPhoto, {@code html} becoming its caption (cut at 1,024
 *                         characters); null for a text message. Not for edits
 * @param deleteMessage    delete the message {@code editMessageId} instead (deleteMessage); {@code html} is only a
 *                         note for the outbox table
 */
public record OutgoingMessage(long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                              String html, List<List<Button>> buttons, boolean silent, int priority,
                              String supersedeKey, Instant notBefore, byte[] photoPng, boolean deleteMessage) {

    public static final int PRIORITY_FIRST_WARNING = -10;
    public static final int PRIORITY_CRITICAL = 0;
    public static final int PRIORITY_REPLY = 10;
    public static final int PRIORITY_DANGER = 15;
    public static final int PRIORITY_WARNING = 20;
    public static final int PRIORITY_NORMAL = 50;
    public static final int PRIORITY_LOW = 100;

    public OutgoingMessage {
        Objects.requireNonNull(html, "html");
        if (html.isBlank()) {
            throw new IllegalArgumentException("html must not be blank");
        }
        if (chatId == 0) {
            throw new IllegalArgumentException("chatId must not be 0");
        }
        if (supersedeKey != null && (supersedeKey.isBlank() || supersedeKey.length() > 128)) {
            throw new IllegalArgumentException("supersedeKey must be 1 to 128 characters");
        }
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (photoPng != null && (photoPng.length == 0 || editMessageId != null)) {
            throw new IllegalArgumentException("a photo needs bytes and cannot be an edit");
        }
    }

    /** The same message as a photo with {@code html} as its caption; null keeps it a text message. */
    public OutgoingMessage withPhoto(byte[] png) {
        return new OutgoingMessage(chatId, messageThreadId, replyToMessageId, editMessageId, html, buttons, silent,
                priority, supersedeKey, notBefore, png, deleteMessage);
    }

    public boolean hasPhoto() {
        return photoPng != null;
    }

    /** A new message to {@code chatId} with {@link #PRIORITY_NORMAL}. */
    public static OutgoingMessage to(long chatId, String html) {
        return new OutgoingMessage(chatId, null, null, null, html, List.of(), false, PRIORITY_NORMAL, null,
                null, null, false);
    }

    /** New text (and buttons) for the bot's message {@code messageId}, with {@link #PRIORITY_REPLY}. */
    public static OutgoingMessage edit(long chatId, int messageId, String html) {
        return new OutgoingMessage(chatId, null, null, messageId, html, List.of(), false, PRIORITY_REPLY, null,
                null, null, false);
    }

    /**
     * Deletes the message {@code messageId} of {@code chatId} (deleteMessage), before anything else queued for the
     * chat: a user's message that carried an API secret.
     */
    public static OutgoingMessage delete(long chatId, int messageId) {
        return new OutgoingMessage(chatId, null, null, messageId, "(delete message " + messageId + ")", List.of(),
                true, PRIORITY_CRITICAL, null, null, null, true);
    }

    public OutgoingMessage inThread(Integer threadId) {
        return new OutgoingMessage(chatId, threadId, replyToMessageId, editMessageId, html, buttons, silent, priority,
                supersedeKey, notBefore, photoPng, deleteMessage);
    }

    public OutgoingMessage replyingTo(Integer messageId) {
        return new OutgoingMessage(chatId, messageThreadId, messageId, editMessageId, html, buttons, silent, priority,
                supersedeKey, notBefore, photoPng, deleteMessage);
    }

    public OutgoingMessage withButtons(List<List<Button>> rows) {
        return new OutgoingMessage(chatId, messageThreadId, replyToMessageId, editMessageId, html, rows, silent,
                priority, supersedeKey, notBefore, photoPng, deleteMessage);
    }

    public OutgoingMessage withPriority(int newPriority) {
        return new OutgoingMessage(chatId, messageThreadId, replyToMessageId, editMessageId, html, buttons, silent,
                newPriority, supersedeKey, notBefore, photoPng, deleteMessage);
    }

    public OutgoingMessage silently() {
        return new OutgoingMessage(chatId, messageThreadId, replyToMessageId, editMessageId, html, buttons, true,
                priority, supersedeKey, notBefore, photoPng, deleteMessage);
    }

    public OutgoingMessage superseding(String key) {
        return new OutgoingMessage(chatId, messageThreadId, replyToMessageId, editMessageId, html, buttons, silent,
                priority, key, notBefore, photoPng, deleteMessage);
    }

    /** The same message, held back until {@code instant} (see {@code notBefore}). */
    public OutgoingMessage notBefore(Instant instant) {
        return new OutgoingMessage(chatId, messageThreadId, replyToMessageId, editMessageId, html, buttons, silent,
                priority, supersedeKey, instant, photoPng, deleteMessage);
    }

    public boolean isEdit() {
        return editMessageId != null;
    }
}
