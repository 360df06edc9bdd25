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
import org.marginsentinel.domain.trigger.Direction;

@Entity
@Table(name = "price_alert")
public class PriceAlertEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "price_alert_seq")
    @SequenceGenerator(name = "price_alert_seq", sequenceName = "price_alert_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false, length = 32)
    public String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Direction direction;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal price;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
