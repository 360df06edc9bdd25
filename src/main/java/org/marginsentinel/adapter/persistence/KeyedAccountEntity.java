package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A keyed exchange account; its key only sealed (see V100__keyed_accounts.sql). */
@Entity
@Table(name = "keyed_account")
public class KeyedAccountEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "keyed_account_seq")
    @SequenceGenerator(name = "keyed_account_seq", sequenceName = "keyed_account_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false, length = 16)
    public String exchange;

    @Column(name = "masked_key_id", nullable = false, length = 16)
    public String maskedKeyId;

    @Column(name = "key_version", nullable = false, length = 16)
    public String keyVersion;

    @Column(name = "sealed_key", nullable = false, length = 8000)
    public String sealedKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_snapshot", length = 200000)
    public String lastSnapshot;

    @Column(name = "unavailable_since")
    public Instant unavailableSince;

    @Column(name = "outage_told", nullable = false)
    public boolean outageTold;

    @Column(name = "paused_reason", length = 200)
    public String pausedReason;

    @Column(name = "key_expires_at")
    public Instant keyExpiresAt;

    @Column(name = "expiry_warned_at")
    public Instant expiryWarnedAt;
}
