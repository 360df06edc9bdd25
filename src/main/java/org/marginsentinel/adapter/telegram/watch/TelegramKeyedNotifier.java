package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.headline;
import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.priority;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedNotice;
import org.marginsentinel.application.watch.KeyedNotifier;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * Words keyed-account notices and queues them for the owner's private chat only. Buttons link to the exchange: the
 * key is read-only and the bot cannot act on the account. Never shows more of a key than its masked id.
 */
@ApplicationScoped
public class TelegramKeyedNotifier implements KeyedNotifier {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Outbox outbox;

    @Inject
    UserLanguages languages;

    @Override
    public void tell(KeyedNotice notice) {
        if (notice instanceof KeyedNotice.DrainWarning drain) {
            outbox.enqueue(OutgoingMessage.to(notice.account().userId(), WatchedPoolText.drain(texts(notice), drain))
                    .withPriority(OutgoingMessage.PRIORITY_DANGER)
                    .withButtons(List.of(List.of(link(notice.account().exchange(), null)))));
            return;
        }
        OutgoingMessage message = OutgoingMessage.to(notice.account().userId(), text(notice));
        String subject = "kx:" + notice.account().id() + ":";
        if (notice instanceof KeyedNotice.PositionWarning warning) {
            ExchangePosition p = warning.position().reported();
            message = message.withPriority(priority(warning.decision().level()))
                    .superseding(subject + p.symbol() + ":" + p.side())
                    .withButtons(List.of(List.of(link(notice.account().exchange(), p.symbol()))));
            message = warning.decision().silent() ? message.silently() : message;
        } else if (notice instanceof KeyedNotice.PoolWarning warning) {
            String distance = WatchedPoolText.distanceLine(texts(notice), warning.distance());
            message = OutgoingMessage.to(notice.account().userId(),
                    text(notice) + (distance.isEmpty() ? "" : "\n" + distance));
            message = message.withPriority(priority(warning.decision().level())).superseding(subject + "cross")
                    .withButtons(List.of(List.of(link(notice.account().exchange(), null))));
            message = warning.decision().silent() ? message.silently() : message;
        } else if (notice instanceof KeyedNotice.AdlHigh) {
            message = message.withPriority(OutgoingMessage.PRIORITY_WARNING);
        }
        outbox.enqueue(message);
    }

    private Texts texts(KeyedNotice notice) {
        return Texts.of(languages.of(notice.account().userId()));
    }

    static String text(KeyedNotice notice) {
        KeyedAccount account = notice.account();
        String name = account.exchange().displayName();
        String label = name + " #" + notice.number() + " " + Html.code(account.maskedKeyId()) + " (real account, watched)";
        if (notice instanceof KeyedNotice.PositionWarning warning) {
            ExchangePosition p = warning.position().reported();
            PositionRisk risk = warning.position().risk();
            return bold(headline(warning.decision().level()) + " · " + p.symbol() + " " + p.side().name()) + " · "
                    + label + "\nMark " + Fmt.price(risk.markPrice()) + " · liquidation (bot) "
                    + (risk.liquidationPrice() == null ? "none" : Fmt.price(risk.liquidationPrice()) + " · "
                    + Fmt.percent(risk.distanceToLiquidation()) + " away") + " · " + name + " says "
                    + (p.exchangeLiquidation() == null ? "none" : Fmt.price(p.exchangeLiquidation()))
                    + "\nAdd margin or reduce it on " + name + ": the bot only watches.";
        }
        if (notice instanceof KeyedNotice.PoolWarning warning) {
            return bold(headline(warning.decision().level()) + " · cross margin") + " · " + label
                    + "\nMargin ratio " + (warning.pool().marginRatio() == null ? "over 100%"
                    : Fmt.percent(warning.pool().marginRatio())) + " (bot; liquidation at 100%)"
                    + (warning.exchangeRatio() == null ? "" : " · " + name + "'s account ratio "
                    + Fmt.percent(warning.exchangeRatio()))
                    + "\nDeposit or reduce cross positions on " + name + ": the bot only watches.";
        }
        if (notice instanceof KeyedNotice.AdlHigh adl) {
            ExchangePosition p = adl.position();
            return bold("⚠️ ADL queue · " + p.symbol() + " " + p.side().name()) + " · " + label + "\nThis winning "
                    + "position is at ADL rank " + p.adlRank() + " of " + p.adlRankMax() + ": if a trader on the other "
                    + "side is liquidated beyond the insurance fund, " + name + " may close it against theirs "
                    + "(auto-deleveraging), at their bankruptcy price. Taking some profit lowers the rank.";
        }
        if (notice instanceof KeyedNotice.KeyRejected rejected) {
            return "⛔ " + name + " refused the key of " + label + " (" + Html.escape(rejected.reason()) + "): it was "
                    + "revoked, expired or restricted to other IP addresses. I stopped reading the account and will not "
                    + "retry. /unwatch " + notice.number() + " deletes it; watch it again with a new read-only key.";
        }
        if (notice instanceof KeyedNotice.ExpiresSoon expiry) {
            return "⏳ The key of " + label + " expires on " + DAY.format(expiry.expiresAt()) + " (" + name
                    + " says). Make a new read-only key before then, /unwatch " + notice.number()
                    + " this one and watch with the new key.";
        }
        if (notice instanceof KeyedNotice.Unavailable unavailable) {
            return "⚠️ No data from " + name + " about " + label + " for " + WatchViews.age(unavailable.silentFor())
                    + " (" + Html.escape(unavailable.reason()) + "). Its warnings are paused until data comes back; "
                    + "I'll say when.";
        }
        return "▶️ Data about " + label + " is coming in again: its warnings are back on.";
    }

    private static Button link(KeyedExchange exchange, String symbol) {
        return switch (exchange) {
            case BINANCE -> Button.link("Open " + (symbol == null ? "Binance Futures" : symbol + " on Binance"),
                    "https://www.binance.com/en/futures/" + (symbol == null ? "" : symbol));
            case BYBIT -> Button.link("Open Bybit", "https://www.bybit.com/trade/usdt/" + (symbol == null ? "" : symbol));
            case OKX -> Button.link("Open OKX", "https://www.okx.com/trade-swap");
        };
    }
}
