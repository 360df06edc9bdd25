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

@Entity
@Table(name = "watched_account")
public class WatchedAccountEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "watched_account_seq")
    @SequenceGenerator(name = "watched_account_seq", sequenceName = "watched_account_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false, length = 16)
    public String venue;

    @Column(nullable = false, length = 42)
    public String address;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_state", nullable = false, length = 200000)
    public String lastState;

    @Column(name = "unavailable_since")
    public Instant unavailableSince;

    @Column(name = "outage_told", nullable = false)
    public boolean outageTold;
}
