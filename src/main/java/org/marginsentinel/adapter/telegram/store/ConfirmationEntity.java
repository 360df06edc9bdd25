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

/** A pending "are you sure?" question; answered once by its owner before it expires. */
@Entity
@Table(name = "telegram_confirmation")
public class ConfirmationEntity {

    public enum Status { PENDING, CONFIRMED, CANCELLED, EXPIRED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telegram_confirmation_seq")
    @SequenceGenerator(name = "telegram_confirmation_seq", sequenceName = "telegram_confirmation_seq",
            allocationSize = 50)
    @Column(name = "id")
    public Long id;

    @Column(name = "owner_user_id", nullable = false)
    public Long ownerUserId;

    @Column(name = "chat_id", nullable = false)
    public Long chatId;

    @Column(name = "action_key", length = 64, nullable = false)
    public String actionKey;

    @Column(name = "payload", length = 1024, nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", length = 16, nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
