package org.marginsentinel.adapter.telegram.store;

import org.marginsentinel.adapter.telegram.format.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@code telegram_chat} table: which chats exist and whether we may still write to them. */
@ApplicationScoped
public class ChatDirectory implements ChatActivity {

    @Inject
    EntityManager em;

    @Inject
    Event<ChatOpened> opened;

    /** Fired (in the caller's transaction) when a user writes to a private chat the bot could not write to first. */
    public record ChatOpened(long chatId) {
    }

    /** Whether the bot may write to a chat it knows. */
    public enum Reach { ACTIVE, INACTIVE, UNOPENED }

    /** Records that the chat wrote to us: creates it or makes it active again. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public void seen(long chatId, String chatType, String title, Instant now) {
        TelegramChatEntity chat = em.find(TelegramChatEntity.class, chatId);
        if (chat == null) {
            chat = new TelegramChatEntity();
            chat.chatId = chatId;
            chat.chatType = chatType;
            chat.title = truncate(title);
            chat.active = true;
            chat.updatedAt = now;
            em.persist(chat);
            return;
        }
        if (!chat.active || !Objects.equals(chat.chatType, chatType) || !Objects.equals(chat.title, truncate(title))) {
            if (chat.unopened) {
                chat.unopened = false;
                opened.fire(new ChatOpened(chatId)); // the warnings held for this user go out now
            }
            chat.active = true;
            chat.chatType = chatType;
            chat.title = truncate(title);
            chat.updatedAt = now;
        }
    }

    /** After a 403 or a my_chat_member "kicked"/"left": stop writing to the chat. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public void markInactive(long chatId, Instant now) {
        TelegramChatEntity chat = em.find(TelegramChatEntity.class, chatId);
        boolean unknown = chat == null;
        if (unknown) {
            // A chat that never wrote to us, e.g. a user who never started the bot (403 "can't initiate").
            chat = new TelegramChatEntity();
            chat.chatId = chatId;
            chat.chatType = chatId < 0 ? "group" : "private";
        }
        chat.active = false;
        chat.unopened = false;
        chat.updatedAt = now;
        if (unknown) {
            em.persist(chat); // after every non-null column is set: Hibernate checks them at persist
        }
    }

    /**
     * After a 403 "bot can't initiate conversation": a user who never opened the private chat. Inactive (nothing is
     * sent) but not lost: messages for it are held until the user writes to the bot ({@link #seen}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markUnopened(long chatId, Instant now) {
        markInactive(chatId, now);
        em.find(TelegramChatEntity.class, chatId).unopened = true;
    }

    /** Empty if the chat never wrote to us (nor was tried). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Reach> reach(long chatId) {
        return em.createQuery("select c.active, c.unopened from TelegramChatEntity c where c.chatId = :id", Object[].class)
                .setParameter("id", chatId)
                .getResultStream().findFirst()
                .map(row -> Boolean.TRUE.equals(row[0]) ? Reach.ACTIVE
                        : Boolean.TRUE.equals(row[1]) ? Reach.UNOPENED : Reach.INACTIVE);
    }

    /** {@link #reach} of many chats in one query per 500; chats that never wrote to us are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Reach> reachOf(Collection<Long> chatIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(chatIds));
        Map<Long, Reach> reach = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("select c.chatId, c.active, c.unopened from TelegramChatEntity c where c.chatId in :ids",
                            Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()
                    .forEach(row -> reach.put((Long) row[0], Boolean.TRUE.equals(row[1]) ? Reach.ACTIVE
                            : Boolean.TRUE.equals(row[2]) ? Reach.UNOPENED : Reach.INACTIVE));
        }
        return reach;
    }

    /** Empty if the chat never wrote to us. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<Boolean> isActive(long chatId) {
        // A scalar query reads the database, never a stale entity cached in the caller's session.
        return em.createQuery("select c.active from TelegramChatEntity c where c.chatId = :id", Boolean.class)
                .setParameter("id", chatId)
                .getResultStream().findFirst();
    }

    /** Chats we may write to, private chats (users) apart from groups. */
    public record ActiveCounts(long privateChats, long groups) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ActiveCounts countActive() {
        long privateChats = 0;
        long groups = 0;
        for (Object[] row : em.createQuery("select c.chatType, count(c) from TelegramChatEntity c"
                + " where c.active = true group by c.chatType", Object[].class).getResultList()) {
            long count = ((Number) row[1]).longValue();
            if ("private".equals(row[0])) {
                privateChats += count;
            } else {
                groups += count;
            }
        }
        return new ActiveCounts(privateChats, groups);
    }

    private static String truncate(String title) {
        return Text.prefix(title, 255);
    }
}
