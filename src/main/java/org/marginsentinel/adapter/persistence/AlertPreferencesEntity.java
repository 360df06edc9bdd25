package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "alert_preferences")
public class AlertPreferencesEntity extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "isolated_warning", nullable = false, precision = 8, scale = 6)
    public BigDecimal isolatedWarning;

    @Column(name = "isolated_danger", nullable = false, precision = 8, scale = 6)
    public BigDecimal isolatedDanger;

    @Column(name = "isolated_critical", nullable = false, precision = 8, scale = 6)
    public BigDecimal isolatedCritical;

    @Column(name = "cross_warning", nullable = false, precision = 8, scale = 6)
    public BigDecimal crossWarning;

    @Column(name = "cross_danger", nullable = false, precision = 8, scale = 6)
    public BigDecimal crossDanger;

    @Column(name = "cross_critical", nullable = false, precision = 8, scale = 6)
    public BigDecimal crossCritical;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    @Column(name = "quiet_start")
    public Integer quietStart;

    @Column(name = "quiet_end")
    public Integer quietEnd;

    /** Odds of liquidation (fraction) that triggers a warning; null: none. */
    @Column(name = "odds_threshold", precision = 8, scale = 6)
    public BigDecimal oddsThreshold;
}
