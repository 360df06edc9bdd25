package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group's settings; see {@code V10__groups.sql}. */
@Entity
@Table(name = "telegram_group")
public class TelegramGroupEntity {

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Column(name = "alerts_enabled", nullable = false)
    public boolean alertsEnabled;

    @Column(name = "alerts_thread_id")
    public Integer alertsThreadId;

    @Column(name = "board_outbox_id")
    public Long boardOutboxId;

    @Column(name = "board_thread_id")
    public Integer boardThreadId;

    @Column(name = "board_rendered_at")
    public Instant boardRenderedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
