package org.marginsentinel.adapter.telegram.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.groups.GroupNotices;
import org.marginsentinel.application.alert.Notice;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * Puts notices into the Telegram outbox, in the caller's transaction, addressed to the user's private chat.
 * A newer warning about the same subject replaces an unsent older one; liquidations and CRITICAL go first,
 * then DANGER, then the rest.
 * {@link GroupNotices} adds what the member's groups hear (group alerts, the one-time private-chat nudge).
 */
@ApplicationScoped
public class TelegramNotifier implements Notifier {

    @Inject
    Outbox outbox;

    @Inject
    GroupNotices groups;

    @Override
    public void notify(Notice notice) {
        OutgoingMessage message = OutgoingMessage.to(notice.userId(), NoticeText.of(notice))
                .withPriority(priority(notice));
        String key = supersedeKey(notice);
        if (key != null) {
            message = message.superseding(key);
        }
        if (notice instanceof Notice.PositionWarning w && w.decision().silent()
                || notice instanceof Notice.PoolWarning p && p.decision().silent()) {
            message = message.silently();
        }
        outbox.enqueue(message);
        groups.onNotice(notice);
    }

    private static int priority(Notice notice) {
        if (notice instanceof Notice.IsolatedLiquidated || notice instanceof Notice.CrossLiquidated) {
            return OutgoingMessage.PRIORITY_CRITICAL;
        }
        if (notice instanceof Notice.PositionWarning w) {
            return byLevel(w.decision().level());
        }
        if (notice instanceof Notice.PoolWarning p) {
            return byLevel(p.decision().level());
        }
        return OutgoingMessage.PRIORITY_WARNING;
    }

    /** Most severe first when Telegram's limits make warnings wait (a crash): CRITICAL, then DANGER. */
    private static int byLevel(RiskLevel level) {
        return switch (level) {
            case CRITICAL, LIQUIDATED -> OutgoingMessage.PRIORITY_CRITICAL;
            case DANGER -> OutgoingMessage.PRIORITY_DANGER;
            default -> OutgoingMessage.PRIORITY_WARNING;
        };
    }

    private static String supersedeKey(Notice notice) {
        if (notice instanceof Notice.PositionWarning w) {
            return "risk:position:" + w.risk().position().id();
        }
        if (notice instanceof Notice.PoolWarning) {
            return "risk:cross";
        }
        if (notice instanceof Notice.DrainWarning) {
            return "risk:drain";
        }
        if (notice instanceof Notice.FeedPaused || notice instanceof Notice.FeedResumed) {
            return "feed";
        }
        return null;
    }
}
