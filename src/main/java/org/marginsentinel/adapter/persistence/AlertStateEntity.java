package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.marginsentinel.domain.alert.RiskLevel;

@Entity
@Table(name = "alert_state")
public class AlertStateEntity extends PanacheEntityBase {

    @Id
    @Column(length = 40)
    public String subject;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public RiskLevel level;

    public Instant since;

    @Column(name = "last_warning_at")
    public Instant lastWarningAt;

    @Column(name = "last_danger_at")
    public Instant lastDangerAt;

    @Column(name = "last_critical_at")
    public Instant lastCriticalAt;
}
