package org.marginsentinel.adapter.telegram.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.store.OutboxMessageEntity.Status;

/** Queries and state changes of {@code telegram_outbox}; each method is its own short transaction. */
@ApplicationScoped
public class OutboxStore implements PendingMessages {

    @Inject
    EntityManager em;

    @Inject
    ChatDirectory chats;

    @Inject
    Event<RowsWithdrawn> withdrawn;

    /** Fired when PENDING rows of a chat were dropped or superseded: a sender holding them must read again. */
    public record RowsWithdrawn(long chatId) {
    }

    /** A message part to queue; see {@code V2__telegram.sql} for the column meanings. */
    public record NewRow(long chatId, Integer messageThreadId, Integer replyToMessageId, Integer editMessageId,
                         String html, String buttons, boolean silent, int priority, String supersedeKey,
                         Instant notBefore, Instant createdAt, boolean hasPhoto, boolean held, long sendRank,
                         boolean deleteMessage) {
    }

    /** Queues one PENDING row in the caller's transaction; returns its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long insert(NewRow message) {
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.chatId = message.chatId();
        row.messageThreadId = message.messageThreadId();
        row.replyToMessageId = message.replyToMessageId();
        row.editMessageId = message.editMessageId();
        row.html = message.html();
        row.buttons = message.buttons();
        row.silent = message.silent();
        row.priority = message.priority();
        row.sendRank = message.sendRank();
        row.supersedeKey = message.supersedeKey();
        row.status = Status.PENDING;
        row.attempts = 0;
        row.notBefore = message.notBefore();
        row.createdAt = message.createdAt();
        row.hasPhoto = message.hasPhoto();
        row.held = message.held();
        row.deleteMessage = message.deleteMessage();
        em.persist(row);
        return row.id;
    }

    /** Keeps the PNG of a photo row (inserted in the same transaction) until it is sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void savePhoto(long outboxId, byte[] png) {
        em.flush();
        em.createNativeQuery("insert into telegram_outbox_photo (outbox_id, png) values (?1, ?2)")
                .setParameter(1, outboxId).setParameter(2, png).executeUpdate();
    }

    /** The PNG of a photo row, if it is still kept. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<byte[]> photo(long outboxId) {
        List<?> rows = em.createNativeQuery("select png from telegram_outbox_photo where outbox_id = ?1")
                .setParameter(1, outboxId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
    }

    /** The most urgent priority among the chat's unsent rows with this key; empty when there are none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Integer> pendingPriority(long chatId, String supersedeKey) {
        return Optional.ofNullable(em.createQuery("select min(o.priority) from OutboxMessageEntity o"
                        + " where o.chatId = :chat and o.supersedeKey = :key and o.status = :pending", Integer.class)
                .setParameter("chat", chatId).setParameter("key", supersedeKey).setParameter("pending", Status.PENDING)
                .getSingleResult());
    }

    /** Drops older unsent rows with this key for this chat; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int supersede(long chatId, String supersedeKey) {
        return withdrawnFrom(chatId, em.createQuery("update OutboxMessageEntity o set o.status = :dropped, o.lastError = 'superseded'"
                        + " where o.chatId = :chat and o.supersedeKey = :key and o.status = :pending")
                .setParameter("dropped", Status.DROPPED).setParameter("pending", Status.PENDING)
                .setParameter("chat", chatId).setParameter("key", supersedeKey)
                .executeUpdate());
    }

    /**
     * {@link #supersede} for many (chat, key) pairs, the i-th key for the i-th chat, as one JDBC batch of single-pair
     * updates: each finds its rows through {@code telegram_outbox_chat_key_idx} (chat, status, key). An IN list of
     * chats and one of keys (before) made the database test every pending row of those chats against every key: a
     * crash's thousands of withdrawals cost time quadratic in the batch. Returns how many rows were dropped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int supersedeAll(List<Long> chatIds, List<String> supersedeKeys) {
        if (supersedeKeys.isEmpty()) {
            return 0;
        }
        em.flush(); // rows queued earlier in this transaction are withdrawn too
        int[] counts = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update telegram_outbox set status = ?,"
                    + " last_error = 'superseded' where chat_id = ? and status = ? and supersede_key = ?")) {
                for (int i = 0; i < supersedeKeys.size(); i++) {
                    update.setString(1, Status.DROPPED.name());
                    update.setLong(2, chatIds.get(i));
                    update.setString(3, Status.PENDING.name());
                    update.setString(4, supersedeKeys.get(i));
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
        int dropped = 0;
        for (int i = 0; i < counts.length; i++) {
            // a driver may answer SUCCESS_NO_INFO: then the sender reads again to be safe
            dropped += counts[i] == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, counts[i]);
        }
        return withdrawnFrom(chatIds.get(0), dropped); // the sender reads again, whichever chat it names
    }

    /** Whether a row with this key reached the chat at or after {@code since}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean sentSince(long chatId, String supersedeKey, Instant since) {
        return em.createQuery("select count(o) from OutboxMessageEntity o where o.chatId = :chat"
                        + " and o.supersedeKey = :key and o.status = :sent and o.sentAt >= :since", Long.class)
                .setParameter("chat", chatId).setParameter("key", supersedeKey).setParameter("sent", Status.SENT)
                .setParameter("since", since).getSingleResult() > 0;
    }

    private int withdrawnFrom(long chatId, int rows) {
        if (rows > 0) {
            withdrawn.fire(new RowsWithdrawn(chatId));
        }
        return rows;
    }

    /** PENDING rows due at {@code now}, most urgent first (priority, then send rank, then age). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxRow> due(Instant now, int limit) {
        return due(now, null, limit);
    }

    /**
     * The next {@code limit} rows of {@link #due(Instant, int)} that come after {@code after} in that order (from
     * the first when it is null); fewer only when no more are due. Lets the sender look past rows of chats that
     * must wait for their limits.
     *
     * <p>Pending rows are read in the order of {@code telegram_outbox_send_order_idx} (ordering by the fixed
     * status too lets the database use it), a page at a time, and rows not due yet are skipped here: so the
     * database stops after {@code limit} rows instead of sorting every pending row, about thirty times a second
     * while a crash's 100,000 warnings wait. Rows waiting for a retry or a batch are few; only when they fill a
     * whole page is the next page read.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxRow> due(Instant now, OutboxRow after, int limit) {
        List<OutboxRow> due = new ArrayList<>();
        Integer afterPriority = after == null ? null : after.priority();
        Long afterRank = after == null ? null : after.sendRank();
        Long afterId = after == null ? null : after.id();
        while (due.size() < limit) {
            // Plain values, not entities: no managed copies to build and to check for changes at the commit.
            TypedQuery<Object[]> query = em.createQuery("select o.id, o.chatId, o.messageThreadId, o.replyToMessageId,"
                            + " o.editMessageId, o.html, o.buttons, o.silent, o.priority, o.attempts, o.hasPhoto,"
                            + " o.notBefore, o.plainText, o.createdAt, o.sendRank, o.deleteMessage from OutboxMessageEntity o"
                            + " where o.status = :pending and o.held = false"
                            + (afterId == null ? ""
                                    : " and (o.priority > :priority or (o.priority = :priority and (o.sendRank > :rank"
                                    + " or (o.sendRank = :rank and o.id > :id))))")
                            + " order by o.status, o.priority, o.sendRank, o.id", Object[].class)
                    .setParameter("pending", Status.PENDING)
                    .setMaxResults(limit);
            if (afterId != null) {
                query.setParameter("priority", afterPriority).setParameter("rank", afterRank).setParameter("id", afterId);
            }
            List<Object[]> page = query.getResultList();
            for (Object[] row : page) {
                if (!((Instant) row[11]).isAfter(now) && due.size() < limit) {
                    due.add(new OutboxRow((Long) row[0], (Long) row[1], (Integer) row[2], (Integer) row[3],
                            (Integer) row[4], (String) row[5], (String) row[6], (Boolean) row[7], (Integer) row[8],
                            (Integer) row[9], (Boolean) row[10], (Boolean) row[12], (Instant) row[13], (Long) row[14],
                            (Boolean) row[15]));
                }
            }
            if (page.size() < limit) {
                break;
            }
            Object[] last = page.get(page.size() - 1);
            afterPriority = (Integer) last[8];
            afterRank = (Long) last[14];
            afterId = (Long) last[0];
        }
        return due;
    }

    /** When the next PENDING row that is not due yet becomes due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> nextDue(Instant now) {
        Instant next = em.createQuery("select min(o.notBefore) from OutboxMessageEntity o"
                        + " where o.status = :pending and o.held = false and o.notBefore > :now", Instant.class)
                .setParameter("pending", Status.PENDING).setParameter("now", now)
                .getSingleResult();
        return Optional.ofNullable(next);
    }

    /**
     * Marks the rows of one successful call SENT. In SQL rather than JPQL: Hibernate translated the JPQL update again
     * on every call, once per message sent. {@code withPhoto}: one of the rows is a photo row, whose PNG goes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markSent(List<Long> ids, Integer telegramMessageId, Instant at, boolean withPhoto) {
        em.createNativeQuery("update telegram_outbox set status = ?1, sent_at = ?2, telegram_message_id = ?3,"
                        + " attempts = attempts + 1 where id in (?4)")
                .unwrap(NativeQuery.class)
                .setParameter(1, Status.SENT.name()).setParameter(2, at)
                .setParameter(3, telegramMessageId, Integer.class) // typed: it may be null
                .setParameterList(4, ids).executeUpdate();
        if (withPhoto) {
            deletePhotos(ids);
        }
    }

    /** A sent or failed photo row needs its PNG no more: the table stays small. */
    private void deletePhotos(List<Long> ids) {
        em.createNativeQuery("delete from telegram_outbox_photo where outbox_id in (?1)")
                .setParameter(1, ids).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(List<Long> ids, String error) {
        em.createQuery("update OutboxMessageEntity o set o.status = :failed, o.lastError = :error,"
                        + " o.attempts = o.attempts + 1 where o.id in :ids")
                .setParameter("failed", Status.FAILED).setParameter("error", truncate(error))
                .setParameter("ids", ids).executeUpdate();
        deletePhotos(ids);
    }

    /** Keeps the rows PENDING but not before {@code notBefore}; {@code countAttempt}: one more failed attempt. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retryLater(List<Long> ids, Instant notBefore, String error, boolean countAttempt) {
        em.createQuery("update OutboxMessageEntity o set o.notBefore = :nb, o.lastError = :error,"
                        + " o.attempts = o.attempts + :inc where o.id in :ids and o.status = :pending")
                .setParameter("nb", notBefore).setParameter("error", truncate(error))
                .setParameter("inc", countAttempt ? 1 : 0)
                .setParameter("pending", Status.PENDING).setParameter("ids", ids).executeUpdate();
    }

    /**
     * Telegram answers again after failing: the rows that wait for it (a failed attempt, due later) are due now.
     * (A chat paused by a 429 stays paused by the sender's rate limiter.) Returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int resumeWaiting(Instant now) {
        return em.createQuery("update OutboxMessageEntity o set o.notBefore = :now where o.status = :pending"
                        + " and o.held = false and o.attempts > 0 and o.notBefore > :now")
                .setParameter("now", now).setParameter("pending", Status.PENDING).executeUpdate();
    }

    /** Telegram refused the row's markup: it goes out once more as {@code text}, without parse mode. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resendAsPlainText(long id, String text, String error, Instant now) {
        em.createQuery("update OutboxMessageEntity o set o.html = :text, o.plainText = true, o.notBefore = :now,"
                        + " o.lastError = :error, o.attempts = o.attempts + 1 where o.id = :id and o.status = :pending")
                .setParameter("text", text).setParameter("now", now).setParameter("error", truncate(error))
                .setParameter("id", id).setParameter("pending", Status.PENDING).executeUpdate();
    }

    /**
     * Replaces a PENDING row by one row per part (the first keeps its reply target, the last its buttons), due now
     * and counted as retried (they are not merged again). False if the row is no longer PENDING.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean split(long id, List<String> parts, String error, Instant now) {
        OutboxMessageEntity original = em.find(OutboxMessageEntity.class, id);
        if (original == null || original.status != Status.PENDING) {
            return false;
        }
        original.status = Status.DROPPED;
        original.lastError = truncate("split after " + error);
        for (int i = 0; i < parts.size(); i++) {
            OutboxMessageEntity part = new OutboxMessageEntity();
            part.chatId = original.chatId;
            part.messageThreadId = original.messageThreadId;
            part.replyToMessageId = i == 0 ? original.replyToMessageId : null;
            part.html = parts.get(i);
            part.buttons = i == parts.size() - 1 ? original.buttons : null;
            part.silent = original.silent;
            part.priority = original.priority;
            part.sendRank = original.sendRank;
            part.status = Status.PENDING;
            part.attempts = original.attempts + 1;
            part.notBefore = now;
            part.createdAt = original.createdAt;
            part.plainText = original.plainText;
            em.persist(part);
        }
        return true;
    }

    /** Marks rows DROPPED with a reason (out of date, replaced by a notice); returns how many were PENDING. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int drop(List<Long> ids, String reason) {
        int dropped = em.createQuery("update OutboxMessageEntity o set o.status = :dropped, o.lastError = :reason"
                        + " where o.id in :ids and o.status = :pending")
                .setParameter("dropped", Status.DROPPED).setParameter("pending", Status.PENDING)
                .setParameter("reason", truncate(reason)).setParameter("ids", ids).executeUpdate();
        deletePhotos(ids);
        return dropped;
    }

    /**
     * 403 "bot can't initiate conversation": the user never opened the private chat. The chat is marked unopened and
     * its PENDING rows are held (not sent, not lost) until the user writes to the bot; returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int holdUntilOpened(long chatId, String reason, Instant now) {
        chats.markUnopened(chatId, now);
        return withdrawnFrom(chatId, em.createQuery("update OutboxMessageEntity o set o.held = true, o.lastError = :reason"
                        + " where o.chatId = :chat and o.status = :pending and o.held = false")
                .setParameter("pending", Status.PENDING).setParameter("reason", truncate(reason))
                .setParameter("chat", chatId).executeUpdate());
    }

    /** The user wrote to the bot privately: what was held for them is due (in the transaction that saw them). */
    void releaseHeld(@Observes ChatDirectory.ChatOpened event) {
        em.createQuery("update OutboxMessageEntity o set o.held = false where o.chatId = :chat and o.held = true"
                        + " and o.status = :pending")
                .setParameter("chat", event.chatId()).setParameter("pending", Status.PENDING).executeUpdate();
    }

    /** DROPs every PENDING row of the chat; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public int dropPending(long chatId, String reason) {
        return withdrawnFrom(chatId, em.createQuery("update OutboxMessageEntity o set o.status = :dropped, o.lastError = :reason"
                        + " where o.chatId = :chat and o.status = :pending")
                .setParameter("dropped", Status.DROPPED).setParameter("pending", Status.PENDING)
                .setParameter("reason", truncate(reason)).setParameter("chat", chatId).executeUpdate());
    }

    /** 403 from Telegram: the chat becomes inactive and its pending rows are dropped; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int chatUnreachable(long chatId, String reason, Instant now) {
        chats.markInactive(chatId, now);
        return dropPending(chatId, reason);
    }

    /** A group became a supergroup: its pending rows move to the new chat id. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void moveChat(long fromChatId, long toChatId) {
        em.createQuery("update OutboxMessageEntity o set o.chatId = :to where o.chatId = :from and o.status = :pending")
                .setParameter("to", toChatId).setParameter("from", fromChatId)
                .setParameter("pending", Status.PENDING).executeUpdate();
    }

    /** Deletes finished rows created before {@code before}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteFinishedBefore(Instant before) {
        return em.createQuery("delete from OutboxMessageEntity o where o.status <> :pending and o.createdAt < :before")
                .setParameter("pending", Status.PENDING).setParameter("before", before).executeUpdate();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 512 ? text : text.substring(0, 509) + "...";
    }
}
