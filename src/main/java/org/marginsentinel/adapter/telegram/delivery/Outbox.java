package org.marginsentinel.adapter.telegram.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.format.MessageChunker;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.OutboxStore;

/**
 * The one way to send Telegram messages from anywhere in the service (command replies, proactive
 * warnings). Messages are stored in {@code telegram_outbox} in the caller's transaction, so they
 * are sent if and only if the caller's work commits; the sender picks them up right after the
 * commit and delivers them within Telegram's rate limits, most urgent first, retrying failures.
 *
 * <p>Works without a bot token too (rows then simply wait in the table).
 */
@ApplicationScoped
public class Outbox implements MessageQueue {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final String CUT_MARK = "\n…";

    @Inject
    OutboxStore store;

    @Inject
    ChatDirectory chats;

    @Inject
    Event<OutboxEnqueued> enqueued;

    @Inject
    Clock clock;

    /**
     * Queues a message. Joins the caller's transaction (or starts one if there is none).
     *
     * A user who never opened the private chat gets it once they do: the message is held until then.
     *
     * @return ids of the stored rows: one per part of a split message; empty when the chat is
     *         known to have blocked the bot (nothing is queued then)
     */
    @Transactional(Transactional.TxType.REQUIRED)
    @Override
    public List<Long> enqueue(OutgoingMessage message) {
        return enqueue(message, Long.MAX_VALUE);
    }

    /**
     * {@link #enqueue(OutgoingMessage)} for a proactive notice about a subject's risk: within its priority,
     * {@code sendRank} puts it before the messages with a higher rank ({@code SendUrgency}: closest to liquidation
     * first); unranked messages have the largest.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Long> enqueue(OutgoingMessage message, long sendRank) {
        return enqueue(message, sendRank, chats.reach(message.chatId()));
    }

    /**
     * {@link #enqueue(OutgoingMessage, long)} with the chat's reach already read in this transaction
     * ({@link ChatDirectory#reachOf}: a batch of notices reads it once for all its chats).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> enqueue(OutgoingMessage message, long sendRank, Optional<ChatDirectory.Reach> reach) {
        if (reach.isPresent() && reach.get() == ChatDirectory.Reach.INACTIVE) {
            LOG.debugf("Not queueing a message for inactive chat %d", message.chatId());
            return List.of();
        }
        return store(message, reach.isPresent() && reach.get() == ChatDirectory.Reach.UNOPENED, sendRank);
    }

    /**
     * Queues a message for a chat that the caller's transaction has just recorded as active (it wrote to us: see
     * {@link ChatDirectory#seen}) or read as active: the same as {@link #enqueue} without reading the chat again,
     * a query (and a flush of the caller's session) saved on every command's reply.
     */
    /** {@link #withdraw} for many (chat, key) pairs, the i-th key for the i-th chat; how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawAll(List<Long> chatIds, List<String> supersedeKeys) {
        return supersedeKeys.isEmpty() ? 0 : store.supersedeAll(chatIds, supersedeKeys);
    }

    /** Drops the chat's unsent messages queued under {@code supersedeKey}; how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdraw(long chatId, String supersedeKey) {
        return store.supersede(chatId, supersedeKey);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public List<Long> enqueueForActiveChat(OutgoingMessage message) {
        return store(message, false, Long.MAX_VALUE);
    }

    private List<Long> store(OutgoingMessage message, boolean held, long sendRank) {
        Instant now = clock.instant();
        if (message.supersedeKey() != null) {
            // A replacement keeps the place of the row it replaces when that was ahead: an escalation of a subject
            // whose first warning is still unsent is that subject's first warning.
            Optional<Integer> replaced = store.pendingPriority(message.chatId(), message.supersedeKey());
            if (replaced.isPresent() && replaced.get() < message.priority()) {
                message = message.withPriority(replaced.get());
            }
            store.supersede(message.chatId(), message.supersedeKey());
        }
        List<String> parts = message.isEdit() ? List.of(cutToLimit(message.html(), MessageChunker.TELEGRAM_LIMIT))
                : message.hasPhoto() ? List.of(cutToLimit(message.html(), BotReply.CAPTION_LIMIT))
                : MessageChunker.split(message.html(), MessageChunker.TELEGRAM_LIMIT);
        String buttons = ButtonsJson.write(message.buttons());
        List<Long> ids = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            long id = store.insert(new OutboxStore.NewRow(message.chatId(), message.messageThreadId(),
                    i == 0 ? message.replyToMessageId() : null, message.editMessageId(), parts.get(i),
                    i == parts.size() - 1 ? buttons : null, message.silent(), message.priority(), message.supersedeKey(),
                    message.notBefore() != null && message.notBefore().isAfter(now) ? message.notBefore() : now, now,
                    message.hasPhoto(), held, sendRank, message.deleteMessage()));
            if (message.hasPhoto()) {
                store.savePhoto(id, message.photoPng());
            }
            ids.add(id);
        }
        enqueued.fire(new OutboxEnqueued(message.chatId(), message.priority(), ids.size(), sendRank));
        return List.copyOf(ids);
    }

    private static String cutToLimit(String html, int limit) {
        if (html.length() <= limit) {
            return html;
        }
        return MessageChunker.split(html, limit - CUT_MARK.length()).get(0) + CUT_MARK;
    }
}
