package org.marginsentinel.adapter.telegram.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.groups.GroupNotices;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.application.alert.SendUrgency;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.application.port.Subject;
import org.marginsentinel.application.port.Severity;
import org.marginsentinel.domain.alert.AlertDecision;

/**
 * Puts notices into the Telegram outbox, in the caller's transaction, addressed to the user's private chat.
 * A newer warning about the same subject replaces an unsent older one (and keeps its place in the queue; a pool
 * warning also withdraws an unsent drain notice of the pool, whose figures are older); a subject's first warning
 * goes first, then liquidations and CRITICAL, then DANGER, then the rest, and within each the subjects closest to
 * liquidation ({@link SendUrgency}).
 * A warning carries its action buttons ({@link WarningButtons}); both are worded in the user's language.
 * {@link GroupNotices} adds what the member's groups hear (group alerts, the one-time private-chat nudge).
 */
@ApplicationScoped
public class TelegramNotifier implements Notifier {

    private static final String RISK = "risk:";
    private static final String DRAIN = "drain:";

    @Inject
    Outbox outbox;

    @Inject
    GroupNotices groups;

    @Inject
    WarningButtons buttons;

    @Inject
    ChatDirectory chats;

    @Inject
    UserLanguages languages;

    @Override
    public void notify(Notice notice) {
        outbox.enqueue(message(notice), SendUrgency.of(notice));
        groups.onNotice(notice);
    }

    /**
     * Many notices in one transaction (a crash's liquidations): every chat and group target is read once for all of
     * them, before anything is written, so the session is not flushed between the rows and they go out as batches.
     */
    @Override
    public void notifyAll(List<? extends Notice> notices) {
        Map<Long, ChatDirectory.Reach> reach = chats.reachOf(notices.stream().map(Notice::userId).toList());
        groups.onNotices(notices, reach);
        for (Notice notice : notices) {
            outbox.enqueue(message(notice), SendUrgency.of(notice), Optional.ofNullable(reach.get(notice.userId())));
        }
    }

    /** The notice in its recipient's words (their language is held in memory: a storm reads no row per notice). */
    private OutgoingMessage message(Notice notice) {
        Texts texts = Texts.of(languages.of(notice.userId()));
        OutgoingMessage message = OutgoingMessage.to(notice.userId(), NoticeText.of(notice, texts))
                .withPriority(priority(notice))
                .withButtons(buttons.issue(notice, texts));
        if (notice instanceof Notice.PoolWarning) {
            // An unsent drain notice of an earlier tick carries older figures: it must not follow this warning.
            outbox.withdraw(notice.userId(), DRAIN + notice.subject().key());
        }
        String key = supersedeKey(notice);
        if (key != null) {
            message = message.superseding(key);
        }
        return notice.silent() ? message.silently() : message;
    }

    /** The supersede keys of a subject's warnings ({@link #SUPERSEDE_KEY}) are dropped from the user's chat. */
    @Override
    public void retract(long userId, Subject subject) {
        outbox.withdraw(userId, RISK + subject.key());
        if (subject instanceof Subject.CrossPool) {
            outbox.withdraw(userId, DRAIN + subject.key());
        }
    }

    @Override
    public void retractAll(List<Retraction> retractions) {
        List<Long> chatIds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Retraction retraction : retractions) {
            chatIds.add(retraction.userId());
            keys.add("risk:" + retraction.subject().key());
            if (retraction.subject() instanceof Subject.CrossPool) {
                chatIds.add(retraction.userId());
                keys.add("drain:" + retraction.subject().key());
            }
        }
        outbox.withdrawAll(chatIds, keys);
    }

    /**
     * When Telegram's limits make warnings wait (a crash): a subject's first warning (it entered a warned level
     * from SAFE) before everything else, so that nobody is liquidated unwarned while others hear of the same
     * crash a second or third time; then by severity ({@link #priority(Severity)}).
     */
    public static int priority(Notice notice) {
        if (notice instanceof Notice.LevelWarning warning
                && warning.decision().reason() == AlertDecision.Reason.ENTERED) {
            return OutgoingMessage.PRIORITY_FIRST_WARNING;
        }
        return priority(notice.severity());
    }

    /** Most severe first: CRITICAL, then DANGER. */
    public static int priority(Severity severity) {
        return switch (severity) {
            case CRITICAL -> OutgoingMessage.PRIORITY_CRITICAL;
            case DANGER -> OutgoingMessage.PRIORITY_DANGER;
            default -> OutgoingMessage.PRIORITY_WARNING;
        };
    }

    /** The key by which a newer notice replaces this one while unsent (per chat); null: never replaced. */
    public static String supersedeKey(Notice notice) {
        return notice.accept(SUPERSEDE_KEY);
    }

    /**
     * A newer notice of the same kind about the same subject replaces an unsent older one (per chat); liquidations
     * are never replaced.
     */
    static final Notice.Visitor<String> SUPERSEDE_KEY = new Notice.Visitor<>() {
        @Override
        public String positionWarning(Notice.PositionWarning warning) {
            return RISK + warning.subject().key();
        }

        @Override
        public String poolWarning(Notice.PoolWarning warning) {
            return RISK + warning.subject().key();
        }

        @Override
        public String drainWarning(Notice.DrainWarning warning) {
            return DRAIN + warning.subject().key();
        }

        @Override
        public String isolatedLiquidated(Notice.IsolatedLiquidated liquidated) {
            return null;
        }

        @Override
        public String crossLiquidated(Notice.CrossLiquidated liquidated) {
            return null;
        }

        @Override
        public String feedPaused(Notice.FeedPaused paused) {
            return "feed:" + paused.subject().key();
        }

        @Override
        public String feedResumed(Notice.FeedResumed resumed) {
            return "feed:" + resumed.subject().key();
        }

        @Override
        public String fundingPaid(Notice.FundingPaid paid) {
            return null;
        }

        @Override
        public String priceAlertFired(Notice.PriceAlertFired fired) {
            return null;
        }

        @Override
        public String stopExecuted(Notice.StopExecuted executed) {
            return null;
        }
    };
}
