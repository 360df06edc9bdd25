package org.marginsentinel.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A generated key pair's private half, sealed, until the user registers the public half. */
@Entity
@Table(name = "keyed_pending_key")
public class KeyedPendingKeyEntity extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "user_id", nullable = false)
        public long userId;

        @Column(nullable = false, length = 16)
        public String exchange;

        public Key() {
        }

        public Key(long userId, String exchange) {
            this.userId = userId;
            this.exchange = exchange;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && userId == that.userId && exchange.equals(that.exchange);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, exchange);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(name = "key_version", nullable = false, length = 16)
    public String keyVersion;

    @Column(name = "sealed_key", nullable = false, length = 8000)
    public String sealedKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
