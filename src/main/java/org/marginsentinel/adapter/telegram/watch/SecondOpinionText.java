package org.marginsentinel.adapter.telegram.watch;

import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.WatchedPosition;

/** The exchange's liquidation price next to the bot's, and why they differ when they do. */
final class SecondOpinionText {

    private SecondOpinionText() {
    }

    static String of(WatchedPosition position, SecondOpinion opinion) {
        String exchange = "Hyperliquid " + (opinion.exchange() == null ? "gives none" : Fmt.price(opinion.exchange()));
        String own = opinion.own() == null ? "none" : Fmt.price(opinion.own());
        return switch (opinion.verdict()) {
            case AGREE -> opinion.exchange() == null
                    ? "Liq.: none (Hyperliquid and the bot's recomputation agree: no price liquidates it)"
                    : "Liq.: " + exchange + " · bot " + own + " ✓ agree";
            case EXCHANGE_HAS_NONE -> "Liq.: " + exchange + " (null liquidationPx) · bot " + own
                    + " ⚠️ differ: the bot's figure is an estimate with Hyperliquid's formula, holding the other marks";
            case OWN_HAS_NONE -> "Liq.: " + exchange + " · bot none ⚠️ differ: the bot finds the margin covers any "
                    + "price; trust Hyperliquid's figure";
            case OTHER_DEX -> "Liq.: " + exchange + " · not recomputed: it trades on the builder dex "
                    + Html.code(position.coin().substring(0, position.coin().indexOf(':')))
                    + ", which has its own collateral and margin tables (shown, not warned about)";
            case UNIFIED_ACCOUNT -> "Liq.: " + exchange + " · not recomputed: the account looks like unified or "
                    + "portfolio margin (cross positions with no perp collateral), where Hyperliquid says the perp "
                    + "figures are not meaningful; its positions are shown, not warned about";
            case DIFFERS -> "Liq.: " + exchange + " · bot " + own + " ⚠️ differ by " + Fmt.percent(opinion.gap())
                    + ": funding or fees booked since the answer, a margin-table change, or a rule the bot does not "
                    + "model; Hyperliquid's price is the one that liquidates";
            case NOT_RECOMPUTED -> "Liq.: " + exchange + " · not recomputed: the answer lacked a figure the bot "
                    + "needs; Hyperliquid's price is the one that liquidates";
        };
    }
}
