package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.marginsentinel.application.port.LedgerKind;

@Entity
@Table(name = "account_ledger")
public class LedgerEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_ledger_seq")
    @SequenceGenerator(name = "account_ledger_seq", sequenceName = "account_ledger_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public LedgerKind kind;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal amount;

    @Column(name = "position_id")
    public Long positionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
