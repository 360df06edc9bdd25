package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.headline;
import static org.marginsentinel.adapter.telegram.watch.WatchedLevels.priority;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
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

    @Inject
    Outbox outbox;

    @Inject
    UserLanguages languages;

    @Override
    public void tell(KeyedNotice notice) {
        if (notice instanceof KeyedNotice.DrainWarning drain) {
            outbox.enqueue(OutgoingMessage.to(notice.account().userId(), WatchedPoolText.drain(texts(notice), drain))
                    .withPriority(OutgoingMessage.PRIORITY_DANGER)
                    .withButtons(List.of(List.of(link(notice.account().exchange(), null, texts(notice))))));
            return;
        }
        OutgoingMessage message = OutgoingMessage.to(notice.account().userId(), text(notice, texts(notice)));
        String subject = "kx:" + notice.account().id() + ":";
        if (notice instanceof KeyedNotice.PositionWarning warning) {
            ExchangePosition p = warning.position().reported();
            message = message.withPriority(priority(warning.decision().level()))
                    .superseding(subject + p.symbol() + ":" + p.side())
                    .withButtons(List.of(List.of(link(notice.account().exchange(), p.symbol(), texts(notice)))));
            message = warning.decision().silent() ? message.silently() : message;
        } else if (notice instanceof KeyedNotice.PoolWarning warning) {
            String distance = WatchedPoolText.distanceLine(texts(notice), warning.distance());
            message = OutgoingMessage.to(notice.account().userId(),
                    text(notice, texts(notice)) + (distance.isEmpty() ? "" : "\n" + distance));
            message = message.withPriority(priority(warning.decision().level())).superseding(subject + "cross")
                    .withButtons(List.of(List.of(link(notice.account().exchange(), null, texts(notice)))));
            message = warning.decision().silent() ? message.silently() : message;
        } else if (notice instanceof KeyedNotice.AdlHigh) {
            message = message.withPriority(OutgoingMessage.PRIORITY_WARNING);
        }
        outbox.enqueue(message);
    }

    private Texts texts(KeyedNotice notice) {
        return Texts.of(languages.of(notice.account().userId()));
    }

    static String text(KeyedNotice notice, Texts texts) {
        Numbers n = texts.numbers();
        KeyedAccount account = notice.account();
        String name = account.exchange().displayName();
        String number = String.valueOf(notice.number());
        String label = texts.get("watch.keyed.account", name, number, Html.code(account.maskedKeyId()));
        if (notice instanceof KeyedNotice.PositionWarning warning) {
            ExchangePosition p = warning.position().reported();
            PositionRisk risk = warning.position().risk();
            return texts.get("watch.keyed.notice.position", Html.escape(headline(warning.decision().level(), texts)),
                    Html.escape(p.symbol()), texts.side(p.side()), label, n.price(risk.markPrice()),
                    risk.liquidationPrice() == null ? texts.get("watch.liq.none")
                            : texts.get("watch.liq.away", n.price(risk.liquidationPrice()),
                                    n.percent(risk.distanceToLiquidation())),
                    name, p.exchangeLiquidation() == null ? texts.get("watch.liq.none")
                            : n.price(p.exchangeLiquidation()));
        }
        if (notice instanceof KeyedNotice.PoolWarning warning) {
            return texts.get("watch.keyed.notice.pool", Html.escape(headline(warning.decision().level(), texts)), label,
                    warning.pool().marginRatio() == null ? texts.get("watch.risk.ratioOver")
                            : n.percent(warning.pool().marginRatio()),
                    warning.exchangeRatio() == null ? "" : " · " + texts.get("watch.keyed.notice.exchangeRatio", name,
                            n.percent(warning.exchangeRatio())),
                    name);
        }
        if (notice instanceof KeyedNotice.AdlHigh adl) {
            ExchangePosition p = adl.position();
            return texts.get("watch.keyed.notice.adl", Html.escape(p.symbol()), texts.side(p.side()), label,
                    String.valueOf(p.adlRank()), String.valueOf(p.adlRankMax()), name);
        }
        if (notice instanceof KeyedNotice.KeyRejected rejected) {
            return texts.get("watch.keyed.notice.keyRejected", name, label,
                    Html.escape(SourceReasonText.of(rejected.reason(), texts)), number);
        }
        if (notice instanceof KeyedNotice.ExpiresSoon expiry) {
            return texts.get("watch.keyed.notice.expires", label, n.dayAndTime(expiry.expiresAt()) + " UTC", name, number);
        }
        if (notice instanceof KeyedNotice.Unavailable unavailable) {
            return texts.get("watch.keyed.notice.unavailable", name, label,
                    WatchedPoolText.age(texts, unavailable.silentFor()),
                    Html.escape(SourceReasonText.of(unavailable.reason(), texts)));
        }
        return texts.get("watch.notice.back", label);
    }

    /** A button that opens the exchange (at the symbol where it has a page for it), labelled in the reader's words. */
    static Button link(KeyedExchange exchange, String symbol, Texts texts) {
        return switch (exchange) {
            case BINANCE -> Button.link(symbol == null ? texts.get("watch.advice.open", "Binance Futures")
                            : texts.get("watch.keyed.button.coin", symbol, "Binance"),
                    "https://www.binance.com/en/futures/" + (symbol == null ? "" : symbol));
            case BYBIT -> Button.link(texts.get("watch.advice.open", "Bybit"),
                    "https://www.bybit.com/trade/usdt/" + (symbol == null ? "" : symbol));
            case OKX -> Button.link(texts.get("watch.advice.open", "OKX"), "https://www.okx.com/trade-swap");
        };
    }
}
