package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat the bot talks to; {@code active == false} while the user blocks us or we were removed. */
@Entity
@Table(name = "telegram_chat")
public class TelegramChatEntity {

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    /** private, group, supergroup or channel. */
    @Column(name = "chat_type", length = 16, nullable = false)
    public String chatType;

    @Column(name = "title", length = 255)
    public String title;

    @Column(name = "active", nullable = false)
    public boolean active;

    /** A private chat the bot may not write to before the user does (inactive meanwhile; its outbox rows are held). */
    @Column(name = "unopened", nullable = false)
    public boolean unopened;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
