package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Marks a Telegram update as handled; written in the same transaction as the update's effects. */
@Entity
@Table(name = "telegram_handled_update")
public class HandledUpdateEntity {

    @Id
    @Column(name = "update_id")
    public Long updateId;

    @Column(name = "handled_at", nullable = false)
    public Instant handledAt;
}
