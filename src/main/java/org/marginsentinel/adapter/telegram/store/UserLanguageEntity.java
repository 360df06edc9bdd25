package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's language: from Telegram's {@code language_code}, or picked with /lang ({@code chosen}). */
@Entity
@Table(name = "user_language")
public class UserLanguageEntity {

    @Id
    @Column(name = "user_id")
    public Long userId;

    /** {@code en}, {@code ru}. */
    @Column(name = "language", length = 8, nullable = false)
    public String language;

    @Column(name = "chosen", nullable = false)
    public boolean chosen;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
