package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.headline;
import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.priority;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
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
                    .withButtons(List.of(List.of(WatchAdviceText.button(WatchAdvice.Advice.NONE, null, texts(notice))))));
            return;
        }
        OutgoingMessage message = OutgoingMessage.to(notice.userId(), text(notice, texts(notice)));
        if (notice instanceof WatchNotice.PositionWarning warning) {
            WatchAdvice.Advice added = advice.position(warning);
            message = OutgoingMessage.to(notice.userId(), text(notice, texts(notice)) + WatchAdviceText.lines(added, false, texts(notice)))
                    .withPriority(priority(warning.decision().level()))
                    .superseding("hl:" + notice.address().value() + ":" + warning.position().reported().coin())
                    .withButtons(List.of(List.of(WatchAdviceText.button(added, warning.position().reported().coin(), texts(notice)))));
            if (warning.decision().silent()) {
                message = message.silently();
            }
        } else if (notice instanceof WatchNotice.PoolWarning warning) {
            WatchAdvice.Advice added = advice.pool(warning);
            String distance = WatchedPoolText.distanceLine(texts(notice), warning.distance());
            message = OutgoingMessage.to(notice.userId(), text(notice, texts(notice)) + (distance.isEmpty() ? "" : "\n" + distance)
                            + WatchAdviceText.lines(added, true, texts(notice)))
                    .withPriority(priority(warning.decision().level()))
                    .superseding("hl:" + notice.address().value() + ":cross")
                    .withButtons(List.of(List.of(WatchAdviceText.button(added, null, texts(notice)))));
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

    static String text(WatchNotice notice, Texts texts) {
        Numbers n = texts.numbers();
        String account = texts.get("watch.hl.account", String.valueOf(notice.number()),
                Html.code(notice.address().shortForm()));
        if (notice instanceof WatchNotice.PositionWarning warning) {
            WatchedPosition p = warning.position().reported();
            PositionRisk risk = warning.position().risk();
            return texts.get("watch.notice.position", Html.escape(headline(warning.decision().level(), texts)),
                    Html.escape(p.coin()), texts.side(p.side()), account, n.price(risk.markPrice()),
                    liquidation(risk, texts), SecondOpinionText.of(p, warning.position().opinion(), texts));
        }
        if (notice instanceof WatchNotice.PoolWarning warning) {
            return texts.get("watch.notice.pool", Html.escape(headline(warning.decision().level(), texts)), account,
                    warning.pool().marginRatio() == null ? texts.get("watch.risk.ratioOver")
                            : n.percent(warning.pool().marginRatio()),
                    usdc(n, warning.pool().marginBalance()));
        }
        if (notice instanceof WatchNotice.PositionEnded ended) {
            return ended(ended.ended(), account, texts);
        }
        if (notice instanceof WatchNotice.Unavailable unavailable) {
            return texts.get("watch.notice.unavailable", account, WatchedPoolText.age(texts, unavailable.silentFor()),
                    Html.escape(SourceReasonText.of(unavailable.reason(), texts)));
        }
        return texts.get("watch.notice.back", account);
    }

    private static String ended(PositionEnding.Ended ended, String account, Texts texts) {
        Numbers n = texts.numbers();
        WatchedPosition p = ended.position();
        String what = Html.escape(p.coin()) + " " + texts.side(p.side()) + " " + n.quantity(p.size());
        if (ended.liquidated()) {
            return texts.get("watch.notice.liquidated", Html.escape(what), account, n.price(ended.lastMark()),
                    ended.liquidationPrice() == null ? "—" : n.price(ended.liquidationPrice()),
                    usdc(n, ended.accountValueLoss()));
        }
        return texts.get("watch.notice.closed", what, account, n.price(ended.lastMark()));
    }

    /** Hyperliquid margin is in USDC. */
    private static String usdc(Numbers n, BigDecimal amount) {
        return n.usdt(amount).replace("USDT", "USDC");
    }

    private static String liquidation(PositionRisk risk, Texts texts) {
        Numbers n = texts.numbers();
        if (risk.liquidationPrice() == null) {
            return texts.get("watch.liq.none");
        }
        if (risk.liquidatedAtMark()) {
            return texts.get("watch.liq.past", n.price(risk.liquidationPrice()));
        }
        return texts.get("watch.liq.away", n.price(risk.liquidationPrice()), n.percent(risk.distanceToLiquidation()));
    }
}
