package org.marginsentinel.adapter.telegram.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.connection.SendRateLimiter;
import org.marginsentinel.adapter.telegram.format.MessageChunker;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.marginsentinel.adapter.telegram.store.OutboxStore;

/**
 * Records how the sender's calls ended: marks rows sent, and carries out what the {@link DeliveryFailurePolicy}
 * decides after a failure (retry, wait, hold, resend as plain text, split, give up). Before rows that failed earlier
 * go out again, it also replaces warnings that got too old while Telegram was unreachable by one short notice.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    static final String HELD_WARNINGS_KEY = "outbox:held-warnings";

    private final DeliveryFailurePolicy policy = new DeliveryFailurePolicy();
    /** A call failed because Telegram was unreachable: the next success releases the rows waiting for it. */
    private final AtomicBoolean telegramUnreachable = new AtomicBoolean();

    @Inject
    OutboxStore store;

    @Inject
    Outbox outbox;

    @Inject
    TelegramMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    UserLanguages languages;

    /**
     * Records how a call for these rows ended: {@code failure} null when Telegram accepted it (then
     * {@code messageId} is the message it shows). If even that fails (the database refuses), the rows stay PENDING
     * and are tried again at the next sweep.
     *
     * @return true if other PENDING rows changed too (the sender reads again)
     */
    boolean callEnded(List<OutboxRow> batch, Integer messageId, TelegramAnswer failure, SendRateLimiter limiter) {
        try {
            if (failure != null) {
                if (failed(batch, failure, limiter)) {
                    telegramUnreachable.set(true);
                }
                return true;
            }
            store.markSent(ids(batch), messageId, clock.instant(), batch.get(0).hasPhoto());
            countSent(batch);
            if (telegramUnreachable.getAndSet(false)) {
                int resumed = store.resumeWaiting(clock.instant());
                LOG.infof("Telegram answers again; %d message(s) waiting for it go out now", resumed);
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the delivery of outbox message(s) %s for chat %d", ids(batch),
                    batch.get(0).chatId());
            return true;
        }
    }

    /**
     * Carries out the policy's decision for a failed call.
     *
     * @return true when the failure says Telegram itself is unreachable (the rows now wait for it to answer again)
     */
    private boolean failed(List<OutboxRow> batch, TelegramAnswer answer, SendRateLimiter limiter) {
        OutboxRow head = batch.get(0);
        long chatId = head.chatId();
        List<Long> ids = ids(batch);
        Instant now = clock.instant();
        String error = answer.toString();
        DeliveryDecision decision = policy.decide(answer, attemptOf(batch, now));
        if (decision instanceof DeliveryDecision.SlowDown slowDown) {
            limiter.pauseChat(chatId, slowDown.pause());
            store.retryLater(ids, now.plus(slowDown.pause()), error, false);
            LOG.warnf("Telegram asked to slow down (429) for chat %d; retrying in %d s", chatId,
                    slowDown.pause().toSeconds());
        } else if (decision instanceof DeliveryDecision.RetryLater retry) {
            store.retryLater(ids, now.plus(retry.delay()), error, true);
            LOG.warnf("Sending outbox message(s) %s to chat %d failed (attempt %d): %s; retrying in %d s",
                    ids, chatId, head.attempts() + 1, error, retry.delay().toSeconds());
            return true;
        } else if (decision instanceof DeliveryDecision.WaitForTelegram wait) {
            store.retryLater(ids, now.plus(wait.probe()), error, true);
            // once per message at WARN: in a long outage every probe would log again
            LOG.logf(head.attempts() + 1 == DeliveryFailurePolicy.BACK_OFF_ATTEMPTS ? Logger.Level.WARN
                    : Logger.Level.DEBUG, "Telegram still fails for outbox message(s) %s to chat %d after %d attempts"
                    + " (%s); they wait for it to answer again (trying every %d s)", ids, chatId, head.attempts() + 1,
                    error, wait.probe().toSeconds());
            return true;
        } else if (decision instanceof DeliveryDecision.ChatGone) {
            int dropped = store.chatUnreachable(chatId, error, now);
            LOG.infof("Chat %d is unreachable (%s); marked inactive, dropped %d pending message(s)", chatId, error,
                    dropped);
        } else if (decision instanceof DeliveryDecision.HoldUntilChatOpened) {
            int held = store.holdUntilOpened(chatId, error, now);
            LOG.infof("User %d has not opened the private chat yet (%s); %d message(s) held until they write to the bot",
                    chatId, error, held);
        } else if (decision instanceof DeliveryDecision.AlreadyDelivered) {
            store.markSent(ids, head.editMessageId(), now, head.hasPhoto());
            countSent(batch);
        } else if (decision instanceof DeliveryDecision.MoveToChat move) {
            store.moveChat(chatId, move.newChatId());
            LOG.infof("Group %d became supergroup %d; its pending messages moved there", chatId, move.newChatId());
        } else if (decision instanceof DeliveryDecision.SendOneByOne) {
            // counted as an attempt: retried rows are never merged again, so the bad one is found alone
            store.retryLater(ids, now, error, true);
        } else if (decision instanceof DeliveryDecision.ResendAsPlainText) {
            store.resendAsPlainText(head.id(), PlainText.of(head.html()), error, now);
            LOG.warnf("Telegram refused outbox message %d for chat %d (%s); sending it once more as plain text",
                    head.id(), chatId, error);
        } else if (decision instanceof DeliveryDecision.Split) {
            split(head, error, now);
        } else if (decision instanceof DeliveryDecision.GiveUp giveUp) {
            giveUp(batch, giveUp.why(), "refused");
        }
        return false;
    }

    /**
     * {@link #settleStale(long, List)} for every chat read; chats left without rows are removed from the map.
     *
     * @return true if anything changed in the outbox (the caller reads again)
     */
    boolean settleStale(Map<Long, List<OutboxRow>> dueByChat) {
        boolean changed = false;
        for (Iterator<Map.Entry<Long, List<OutboxRow>>> chats = dueByChat.entrySet().iterator(); chats.hasNext(); ) {
            Map.Entry<Long, List<OutboxRow>> entry = chats.next();
            if (entry.getValue().stream().noneMatch(row -> row.attempts() > 0)) {
                continue;
            }
            try {
                changed |= settleStale(entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                changed = true;
                entry.getValue().removeIf(row -> row.attempts() > 0); // settled at the next read instead
                LOG.errorf(e, "Could not settle the out-of-date messages of chat %d", entry.getKey());
            }
            if (entry.getValue().isEmpty()) {
                chats.remove();
            }
        }
        return changed;
    }

    /**
     * Settles the due rows of one chat that failed before and are no longer worth sending as they are (see
     * {@link DeliveryFailurePolicy#freshness}): warnings too old are replaced by one short notice, rows failing for
     * too long are given up. Removes them from {@code rows}.
     *
     * @return true if anything changed in the outbox (the caller reads again)
     */
    boolean settleStale(long chatId, List<OutboxRow> rows) {
        Instant now = clock.instant();
        List<OutboxRow> outOfDate = new ArrayList<>();
        List<OutboxRow> expired = new ArrayList<>();
        for (Iterator<OutboxRow> it = rows.iterator(); it.hasNext(); ) {
            OutboxRow row = it.next();
            if (row.attempts() == 0) {
                continue;
            }
            boolean warning = DeliveryFailurePolicy.isWarning(row.priority(), row.editMessageId() != null);
            switch (policy.freshness(warning, row.attempts(), Duration.between(row.createdAt(), now))) {
                case REPLACE_WITH_NOTICE -> outOfDate.add(row);
                case GIVE_UP -> expired.add(row);
                case SEND -> {
                    continue;
                }
            }
            it.remove();
        }
        if (!expired.isEmpty()) {
            giveUp(expired, "failing for over " + DeliveryFailurePolicy.KEPT_AT_MOST.toHours() + " h", "expired");
        }
        if (!outOfDate.isEmpty()) {
            replaceWithNotice(chatId, outOfDate);
        }
        return !expired.isEmpty() || !outOfDate.isEmpty();
    }

    /**
     * The text that stands in for warnings that got too old while Telegram was unreachable, in the language of the
     * chat's user (a group chat, whose id is negative, has none: English). Joins the caller's transaction.
     */
    private String heldWarningsNotice(long chatId) {
        return Texts.of(chatId > 0 ? languages.of(chatId) : Language.EN).get("notice.heldWarnings");
    }

    /**
     * One notice per chat however many warnings it replaces (a later replacement supersedes an unsent one, and none is
     * queued when a notice already reached the chat after these warnings were queued: found by the soak test, warnings
     * of one outage settled a moment apart gave the chat the same notice twice). Not a warning itself (normal
     * priority): it never gets out of date, it waits for Telegram like a reply.
     */
    private void replaceWithNotice(long chatId, List<OutboxRow> outOfDate) {
        Instant oldest = outOfDate.stream().map(OutboxRow::createdAt).min(Instant::compareTo).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            store.drop(ids(outOfDate), "out of date after Telegram was unreachable; replaced by a notice");
            if (!store.sentSince(chatId, HELD_WARNINGS_KEY, oldest)) {
                outbox.enqueue(OutgoingMessage.to(chatId, heldWarningsNotice(chatId)).superseding(HELD_WARNINGS_KEY));
            }
        });
        for (OutboxRow row : outOfDate) {
            metrics.undelivered(row.priority(), "out-of-date", 1);
        }
        LOG.warnf("Replaced %d warning(s) for chat %d that got out of date while Telegram was unreachable by a notice",
                outOfDate.size(), chatId);
    }

    private void split(OutboxRow row, String error, Instant now) {
        int length = row.html().length();
        List<String> parts = length < DeliveryFailurePolicy.SHORTEST_SPLITTABLE ? List.of()
                : MessageChunker.split(row.html(), Math.max(16, length / 2 + 1));
        if (parts.size() < 2 || !store.split(row.id(), parts, error, now)) {
            giveUp(List.of(row), "too long and cannot be split: " + error, "refused");
            return;
        }
        LOG.warnf("Telegram found outbox message %d for chat %d too long (%s); sending it in %d parts", row.id(),
                row.chatId(), error, parts.size());
    }

    private void giveUp(List<OutboxRow> rows, String why, String reason) {
        List<Long> ids = ids(rows);
        store.markFailed(ids, why);
        for (OutboxRow row : rows) {
            metrics.undelivered(row.priority(), reason, 1);
        }
        LOG.errorf("Giving up on outbox message(s) %s for chat %d: %s", ids, rows.get(0).chatId(), why);
    }

    private static SendAttempt attemptOf(List<OutboxRow> batch, Instant now) {
        OutboxRow head = batch.get(0);
        boolean edit = head.editMessageId() != null;
        return new SendAttempt(head.attempts(), Duration.between(head.createdAt(), now), batch.size(), edit,
                head.hasPhoto(), head.plainText(), DeliveryFailurePolicy.isWarning(head.priority(), edit));
    }

    private void countSent(List<OutboxRow> batch) {
        for (OutboxRow row : batch) {
            metrics.sent(row.priority(), 1);
        }
    }

    private static List<Long> ids(List<OutboxRow> rows) {
        return rows.stream().map(OutboxRow::id).toList();
    }
}
