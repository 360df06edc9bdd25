package org.marginsentinel.adapter.telegram.watch;

import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.domain.alert.RiskLevel;

/** How a watched account's warning level reads and ranks, the same for Hyperliquid and keyed accounts. */
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

    static int priority(RiskLevel level) {
        return switch (level) {
            case CRITICAL, LIQUIDATED -> OutgoingMessage.PRIORITY_CRITICAL;
            case DANGER -> OutgoingMessage.PRIORITY_DANGER;
            default -> OutgoingMessage.PRIORITY_WARNING;
        };
    }
}
