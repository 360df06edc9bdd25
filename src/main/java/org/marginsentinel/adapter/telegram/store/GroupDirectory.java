package org.marginsentinel.adapter.telegram.store;

import org.marginsentinel.adapter.telegram.format.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The groups tables ({@code V10__groups.sql}): group settings, members and their opt-in, and the
 * one-time private-chat nudges. Every method joins the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GroupDirectory implements GroupMembers {

    private static final int MAX_NAME = 128;

    @Inject
    EntityManager em;

    /** A member who opted in to a group's boards. */
    public record SharingMember(long userId, String displayName) {
    }

    /** Where a member's group alerts go: a group with alerts on in which the member shares. */
    public record AlertTarget(long chatId, Integer threadId, String displayName) {
    }

    /** A group the member used the bot in, most recent first. */
    public record Membership(long chatId, Integer lastThreadId, String displayName) {
    }

    /** Where the group's current board message is. */
    public sealed interface BoardMessage {
        /** No board yet, or its message is gone (failed, pruned). */
        record None() implements BoardMessage {
        }

        /** Queued but not sent yet: a new board supersedes it. */
        record Pending(Integer threadId) implements BoardMessage {
        }

        /** On screen: edit this message. */
        record Sent(int messageId, Integer threadId) implements BoardMessage {
        }
    }

    /** Records that the member wrote a command in the group (name and forum topic as of now). */
    @Override
    public void touchMember(long chatId, long userId, String displayName, Integer threadId, Instant now) {
        GroupMemberEntity member = member(chatId, userId).orElse(null);
        boolean created = member == null;
        if (created) {
            member = new GroupMemberEntity();
            member.chatId = chatId;
            member.userId = userId;
            member.sharing = false;
        }
        member.displayName = name(displayName, userId);
        member.lastThreadId = threadId;
        member.lastSeenAt = now;
        if (created) {
            em.persist(member);
        }
    }

    public void setSharing(long chatId, long userId, String displayName, boolean sharing, Instant now) {
        touchMember(chatId, userId, displayName, member(chatId, userId).map(m -> m.lastThreadId).orElse(null), now);
        member(chatId, userId).orElseThrow().sharing = sharing;
    }

    public boolean isSharing(long chatId, long userId) {
        return member(chatId, userId).map(m -> m.sharing).orElse(false);
    }

    /** Opted-in members of the group, by user id. */
    public List<SharingMember> sharingMembers(long chatId) {
        return em.createQuery("select m from GroupMemberEntity m where m.chatId = :chat and m.sharing = true"
                        + " order by m.userId", GroupMemberEntity.class)
                .setParameter("chat", chatId).getResultStream()
                .map(m -> new SharingMember(m.userId, m.displayName)).toList();
    }

    /** Groups with alerts on where the user shares, and where the bot may still post. */
    public List<AlertTarget> alertTargets(long userId) {
        return em.createQuery("select g.chatId, g.alertsThreadId, m.displayName from GroupMemberEntity m,"
                        + " TelegramGroupEntity g, TelegramChatEntity c where m.userId = :user and m.sharing = true"
                        + " and g.chatId = m.chatId and g.alertsEnabled = true and c.chatId = g.chatId and c.active = true"
                        + " order by g.chatId", Object[].class)
                .setParameter("user", userId).getResultStream()
                .map(row -> new AlertTarget((Long) row[0], (Integer) row[1], (String) row[2])).toList();
    }

    /** {@link #alertTargets} of many members in one query per 500; members without any are left out. */
    public Map<Long, List<AlertTarget>> alertTargetsOf(Collection<Long> userIds) {
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        Map<Long, List<AlertTarget>> targets = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("select m.userId, g.chatId, g.alertsThreadId, m.displayName from GroupMemberEntity m,"
                            + " TelegramGroupEntity g, TelegramChatEntity c where m.userId in :users and m.sharing = true"
                            + " and g.chatId = m.chatId and g.alertsEnabled = true and c.chatId = g.chatId and c.active = true"
                            + " order by m.userId, g.chatId", Object[].class)
                    .setParameter("users", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()
                    .forEach(row -> targets.computeIfAbsent((Long) row[0], u -> new java.util.ArrayList<>())
                            .add(new AlertTarget((Long) row[1], (Integer) row[2], (String) row[3])));
        }
        return targets;
    }

    /** The active group where the member last used the bot, if any. */
    public Optional<Membership> latestActiveGroup(long userId) {
        return em.createQuery("select m from GroupMemberEntity m, TelegramChatEntity c where m.userId = :user"
                        + " and c.chatId = m.chatId and c.active = true order by m.lastSeenAt desc", GroupMemberEntity.class)
                .setParameter("user", userId).setMaxResults(1).getResultStream()
                .map(m -> new Membership(m.chatId, m.lastThreadId, m.displayName)).findFirst();
    }

    /** The group's settings row, created with everything off; locked so refreshes and toggles serialise. */
    public LockedGroup lockGroup(long chatId, Instant now) {
        TelegramGroupEntity group = em.find(TelegramGroupEntity.class, chatId, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            group = new TelegramGroupEntity();
            group.chatId = chatId;
            group.alertsEnabled = false;
            group.updatedAt = now;
            em.persist(group);
            em.flush();
        }
        return new LockedGroup(group);
    }

    /** Whether an admin turned group alerts on here (off for a group never seen). */
    public boolean alertsEnabled(long chatId) {
        TelegramGroupEntity group = em.find(TelegramGroupEntity.class, chatId);
        return group != null && group.alertsEnabled;
    }

    /** The bot left the group: no more alerts and no board to edit there (members keep their opt-in). */
    @Override
    public void botRemoved(long chatId, Instant now) {
        TelegramGroupEntity group = em.find(TelegramGroupEntity.class, chatId);
        if (group != null) {
            group.alertsEnabled = false;
            group.boardOutboxId = null;
            group.boardThreadId = null;
            group.boardRenderedAt = null;
            group.updatedAt = now;
        }
    }

    public BoardMessage boardMessage(LockedGroup locked) {
        TelegramGroupEntity group = locked.row();
        if (group.boardOutboxId == null) {
            return new BoardMessage.None();
        }
        OutboxMessageEntity row = em.find(OutboxMessageEntity.class, group.boardOutboxId);
        if (row == null) {
            return new BoardMessage.None();
        }
        return switch (row.status) {
            case PENDING -> new BoardMessage.Pending(row.messageThreadId);
            case SENT -> row.telegramMessageId == null ? new BoardMessage.None()
                    : new BoardMessage.Sent(row.telegramMessageId, row.messageThreadId);
            case FAILED, DROPPED -> new BoardMessage.None();
        };
    }

    /**
     * Claims the one nudge a user ever gets. True if this transaction claimed it (send it); false if the user
     * was nudged before.
     */
    public boolean claimNudge(long userId, long chatId, Instant now) {
        if (em.find(PrivateNudgeEntity.class, userId) != null) {
            return false;
        }
        PrivateNudgeEntity nudge = new PrivateNudgeEntity();
        nudge.userId = userId;
        nudge.chatId = chatId;
        nudge.nudgedAt = now;
        em.persist(nudge);
        return true;
    }

    private Optional<GroupMemberEntity> member(long chatId, long userId) {
        return Optional.ofNullable(em.find(GroupMemberEntity.class, new GroupMemberEntity.Key(chatId, userId)));
    }

    private static String name(String displayName, long userId) {
        String name = displayName == null || displayName.isBlank() ? "Member " + userId : displayName.strip();
        return Text.prefix(name, MAX_NAME);
    }
}
