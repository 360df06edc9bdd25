package org.marginsentinel.adapter.telegram.watch;

import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.PositionRisk;

/** How a watched account's levels and distances read and rank, the same for Hyperliquid and keyed accounts. */
final class WatchedLevels {

    private WatchedLevels() {
    }

    static String headline(RiskLevel level) {
        return switch (level) {
            case CRITICAL -> "🔴 CRITICAL";
            case DANGER -> "🟠 DANGER";
            case WARNING -> "🟡 WARNING";
            case LIQUIDATED -> "⛔ PAST LIQUIDATION";
            case SAFE -> "🟢 SAFE";
        };
    }

    /** How far a watched position is from liquidation, as the account lists say it. */
    static String distance(PositionRisk risk) {
        if (risk.liquidationPrice() == null) {
            return "no liquidation price";
        }
        if (risk.liquidatedAtMark()) {
            return "⚠️ mark past liquidation";
        }
        return Fmt.percent(risk.distanceToLiquidation()) + " from liquidation"
                + (risk.position().isIsolated() ? "" : " (if other marks stay)");
    }

    static int priority(RiskLevel level) {
        return switch (level) {
            case CRITICAL, LIQUIDATED -> OutgoingMessage.PRIORITY_CRITICAL;
            case DANGER -> OutgoingMessage.PRIORITY_DANGER;
            default -> OutgoingMessage.PRIORITY_WARNING;
        };
    }
}
