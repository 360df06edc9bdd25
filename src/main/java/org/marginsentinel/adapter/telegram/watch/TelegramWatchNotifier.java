package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.headline;
import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.priority;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.application.watch.WatchAdvice;
import org.marginsentinel.application.watch.WatchNotifier;
import org.marginsentinel.application.watch.WatchNotice;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.watch.PositionEnding;
import org.marginsentinel.domain.watch.WatchedPosition;

/**
 * Words watched-account notices and queues them for the watching user's private chat only (never a group).
 * Buttons link to the exchange: the bot has no key and cannot act on a real account.
 */
@ApplicationScoped
public class TelegramWatchNotifier implements WatchNotifier {

    @Inject
    Outbox outbox;

    @Inject
    WatchAdvice advice;

    @Inject
    UserLanguages languages;

    @Override
    public void tell(WatchNotice notice) {
        if (notice instanceof WatchNotice.DrainWarning drain) {
            outbox.enqueue(OutgoingMessage.to(notice.userId(), WatchedPoolText.drain(texts(notice), drain))
                    .withPriority(OutgoingMessage.PRIORITY_DANGER)
                    .withButtons(List.of(List.of(WatchAdviceText.button(WatchAdvice.Advice.NONE, null)))));
            return;
        }
        OutgoingMessage message = OutgoingMessage.to(notice.userId(), text(notice));
        if (notice instanceof WatchNotice.PositionWarning warning) {
            WatchAdvice.Advice added = advice.position(warning);
            message = OutgoingMessage.to(notice.userId(), text(notice) + WatchAdviceText.lines(added, false))
                    .withPriority(priority(warning.decision().level()))
                    .superseding("hl:" + notice.address().value() + ":" + warning.position().reported().coin())
                    .withButtons(List.of(List.of(WatchAdviceText.button(added, warning.position().reported().coin()))));
            if (warning.decision().silent()) {
                message = message.silently();
            }
        } else if (notice instanceof WatchNotice.PoolWarning warning) {
            WatchAdvice.Advice added = advice.pool(warning);
            String distance = WatchedPoolText.distanceLine(texts(notice), warning.distance());
            message = OutgoingMessage.to(notice.userId(), text(notice) + (distance.isEmpty() ? "" : "\n" + distance)
                            + WatchAdviceText.lines(added, true))
                    .withPriority(priority(warning.decision().level()))
                    .superseding("hl:" + notice.address().value() + ":cross")
                    .withButtons(List.of(List.of(WatchAdviceText.button(added, null))));
            if (warning.decision().silent()) {
                message = message.silently();
            }
        } else if (notice instanceof WatchNotice.PositionEnded ended && ended.ended().liquidated()) {
            message = message.withPriority(OutgoingMessage.PRIORITY_CRITICAL);
        }
        outbox.enqueue(message);
    }

    private Texts texts(WatchNotice notice) {
        return Texts.of(languages.of(notice.userId()));
    }

    static String text(WatchNotice notice) {
        String account = "Hyperliquid #" + notice.number() + " " + Html.code(notice.address().shortForm())
                + " (real account, watched)";
        if (notice instanceof WatchNotice.PositionWarning warning) {
            WatchedPosition p = warning.position().reported();
            PositionRisk risk = warning.position().risk();
            return bold(headline(warning.decision().level()) + " · " + p.coin() + " " + p.side().name()) + " · "
                    + account + "\nMark " + Fmt.price(risk.markPrice()) + " · liquidation " + liquidation(risk)
                    + "\n" + SecondOpinionText.of(p, warning.position().opinion());
        }
        if (notice instanceof WatchNotice.PoolWarning warning) {
            return bold(headline(warning.decision().level()) + " · cross margin") + " · " + account
                    + "\nMargin ratio " + (warning.pool().marginRatio() == null ? "over 100%"
                    : Fmt.percent(warning.pool().marginRatio())) + " (liquidation at 100%) · margin balance "
                    + Fmt.usdt(warning.pool().marginBalance()).replace("USDT", "USDC");
        }
        if (notice instanceof WatchNotice.PositionEnded ended) {
            return ended(ended.ended(), account);
        }
        if (notice instanceof WatchNotice.Unavailable unavailable) {
            return "⚠️ No data from Hyperliquid about " + account + " for "
                    + WatchViews.age(unavailable.silentFor()) + " (" + Html.escape(unavailable.reason())
                    + "). Its warnings are paused until data comes back; I'll say when.";
        }
        return "▶️ Data about " + account + " is coming in again: its warnings are back on.";
    }

    private static String ended(PositionEnding.Ended ended, String account) {
        WatchedPosition p = ended.position();
        String what = Html.escape(p.coin()) + " " + p.side().name() + " " + Fmt.quantity(p.size());
        if (ended.liquidated()) {
            return bold("⛔ LIQUIDATED · " + what) + " · " + account + "\nThe position is gone while the mark ("
                    + Fmt.price(ended.lastMark()) + ") was past its liquidation price ("
                    + (ended.liquidationPrice() == null ? "—" : Fmt.price(ended.liquidationPrice())) + ")."
                    + "\nAccount value fell by " + Fmt.usdt(ended.accountValueLoss()).replace("USDT", "USDC")
                    + " since the previous answer (the loss, plus any other change in between).";
        }
        return "✅ Closed · " + what + " · " + account + " (the mark " + Fmt.price(ended.lastMark())
                + " was short of its liquidation price: a close, not a liquidation).";
    }

    private static String liquidation(PositionRisk risk) {
        if (risk.liquidationPrice() == null) {
            return "none";
        }
        if (risk.liquidatedAtMark()) {
            return Fmt.price(risk.liquidationPrice()) + " · ⚠️ the mark is past it";
        }
        return Fmt.price(risk.liquidationPrice()) + " · " + Fmt.percent(risk.distanceToLiquidation()) + " away";
    }
}
