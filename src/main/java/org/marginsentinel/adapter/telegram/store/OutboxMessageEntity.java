package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the outgoing message queue; see {@code V2__telegram.sql} for the column meanings. */
@Entity
@Table(name = "telegram_outbox")
public class OutboxMessageEntity {

    public enum Status { PENDING, SENT, FAILED, DROPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telegram_outbox_seq")
    @SequenceGenerator(name = "telegram_outbox_seq", sequenceName = "telegram_outbox_seq", allocationSize = 50)
    @Column(name = "id")
    public Long id;

    @Column(name = "chat_id", nullable = false)
    public Long chatId;

    @Column(name = "message_thread_id")
    public Integer messageThreadId;

    @Column(name = "reply_to_message_id")
    public Integer replyToMessageId;

    @Column(name = "edit_message_id")
    public Integer editMessageId;

    @Column(name = "html", length = 8192, nullable = false)
    public String html;

    /** JSON rows of {@code {"label":…,"data":…}}, or null. */
    @Column(name = "buttons", length = 4096)
    public String buttons;

    @Column(name = "silent", nullable = false)
    public boolean silent;

    @Column(name = "priority", nullable = false)
    public int priority;

    /** Within one priority, lower goes first (closest to liquidation); see {@code V75__outbox_send_rank.sql}. */
    @Column(name = "send_rank", nullable = false)
    public long sendRank = Long.MAX_VALUE;

    @Column(name = "supersede_key", length = 128)
    public String supersedeKey;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", length = 16, nullable = false)
    public Status status;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "telegram_message_id")
    public Integer telegramMessageId;

    @Column(name = "last_error", length = 512)
    public String lastError;

    /** True when a PNG waits in {@code telegram_outbox_photo}: the html is its caption. */
    @Column(name = "has_photo", nullable = false)
    public boolean hasPhoto;

    /** Kept back until the user opens the private chat (403 "bot can't initiate conversation"); not due meanwhile. */
    @Column(name = "held", nullable = false)
    public boolean held;

    /** Telegram refused the HTML: the text (already stripped of markup) goes out without parse mode. */
    @Column(name = "plain_text", nullable = false)
    public boolean plainText;

    /** Delete the message edit_message_id instead of sending (V101). */
    @Column(name = "delete_message", nullable = false)
    public boolean deleteMessage;
}
