package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A received update that no handler has committed yet (see {@link Inbox}). */
@Entity
@Table(name = "telegram_inbox")
public class InboxEntity {

    /** Longest update JSON the table takes; a message is at most 4,096 characters of text. */
    public static final int MAX_PAYLOAD = 65_536;

    @Id
    @Column(name = "update_id")
    public Long updateId;

    @Column(nullable = false, length = MAX_PAYLOAD)
    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
