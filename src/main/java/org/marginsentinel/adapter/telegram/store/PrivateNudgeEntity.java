package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Records that a member was asked once, in a group, to open a private chat; see {@code V10__groups.sql}. */
@Entity
@Table(name = "telegram_private_nudge")
public class PrivateNudgeEntity {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(name = "chat_id", nullable = false)
    public Long chatId;

    @Column(name = "nudged_at", nullable = false)
    public Instant nudgedAt;
}
