package org.marginsentinel.adapter.telegram.watch;

import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPosition;

/** The exchange's liquidation price next to the bot's, and why they differ when they do. */
final class SecondOpinionText {

    private SecondOpinionText() {
    }

    static String of(WatchedPosition position, SecondOpinion opinion, Texts texts) {
        Numbers n = texts.numbers();
        String exchange = texts.get("watch.opinion.exchange", opinion.exchange() == null
                ? texts.get("watch.keyed.givesNone") : n.price(opinion.exchange()));
        String own = opinion.own() == null ? texts.get("watch.liq.none") : n.price(opinion.own());
        return switch (opinion.verdict()) {
            case AGREE -> opinion.exchange() == null ? texts.get("watch.opinion.agreeNone")
                    : texts.get("watch.opinion.agree", exchange, own);
            case EXCHANGE_HAS_NONE -> texts.get("watch.opinion.exchangeHasNone", exchange, own);
            case OWN_HAS_NONE -> texts.get("watch.opinion.ownHasNone", exchange);
            case OTHER_DEX -> texts.get("watch.opinion.otherDex", exchange,
                    Html.code(position.coin().substring(0, position.coin().indexOf(':'))));
            case UNIFIED_ACCOUNT -> texts.get("watch.opinion.unified", exchange);
            case DIFFERS -> texts.get("watch.opinion.differs", exchange, own, n.percent(opinion.gap()));
            case NOT_RECOMPUTED -> texts.get("watch.opinion.notRecomputed", exchange);
        };
    }
}
