package org.marginsentinel.adapter.telegram.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member of a group as the bot knows them; see {@code V10__groups.sql}. */
@Entity
@Table(name = "telegram_group_member")
@IdClass(GroupMemberEntity.Key.class)
public class GroupMemberEntity {

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(name = "display_name", length = 128, nullable = false)
    public String displayName;

    @Column(name = "sharing", nullable = false)
    public boolean sharing;

    @Column(name = "last_thread_id")
    public Integer lastThreadId;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** The composite primary key (chat_id, user_id). */
    public static class Key implements Serializable {
        public Long chatId;
        public Long userId;

        public Key() {
        }

        public Key(long chatId, long userId) {
            this.chatId = chatId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key key && Objects.equals(chatId, key.chatId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chatId, userId);
        }
    }
}
