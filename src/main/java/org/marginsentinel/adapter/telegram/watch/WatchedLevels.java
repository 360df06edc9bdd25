package org.marginsentinel.adapter.telegram.watch;

import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.PositionRisk;

/** How a watched account's levels and distances read and rank, the same for Hyperliquid and keyed accounts. */
final class WatchedLevels {

    private WatchedLevels() {
    }

    /** The level's headline, "🟠 DANGER", in the recipient's language (plain text). */
    static String headline(RiskLevel level, Texts texts) {
        return texts.get("watch.level." + level.name());
    }

    /** A level as a {@code /risk} line names it, "DANGER", in the reader's language (plain text). */
    static String name(RiskLevel level, Texts texts) {
        return texts.get("watch.risk.level." + level.name());
    }

    /** A margin mode, "isolated" or "cross", in the reader's language. */
    static String mode(MarginMode mode, Texts texts) {
        return texts.get("position.mode." + mode.name());
    }

    /** How far a watched position is from liquidation, as the account lists say it. */
    static String distance(PositionRisk risk, Texts texts) {
        if (risk.liquidationPrice() == null) {
            return texts.get("watch.distance.none");
        }
        if (risk.liquidatedAtMark()) {
            return texts.get("watch.distance.pastMark");
        }
        return texts.get(risk.position().isIsolated() ? "watch.distance.isolated" : "watch.distance.cross",
                texts.numbers().percent(risk.distanceToLiquidation()));
    }

    static int priority(RiskLevel level) {
        return switch (level) {
            case CRITICAL, LIQUIDATED -> OutgoingMessage.PRIORITY_CRITICAL;
            case DANGER -> OutgoingMessage.PRIORITY_DANGER;
            default -> OutgoingMessage.PRIORITY_WARNING;
        };
    }
}
