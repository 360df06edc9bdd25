package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.marginsentinel.domain.trigger.StopKind;

@Entity
@Table(name = "position_stop")
@IdClass(PositionStopEntity.Key.class)
public class PositionStopEntity extends PanacheEntityBase {

    @Id
    @Column(name = "position_id", nullable = false)
    public long positionId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public StopKind kind;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(nullable = false, precision = 38, scale = 18)
    public BigDecimal price;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The primary key: one stop of each kind per position. */
    public static class Key implements Serializable {
        public long positionId;
        public StopKind kind;

        public Key() {
        }

        public Key(long positionId, StopKind kind) {
            this.positionId = positionId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.positionId == positionId && key.kind == kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(positionId, kind);
        }
    }
}
