package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.alert.Standing;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * The line an order's reply ends with (or, when CRITICAL, starts with): where the position or pool stands against
 * the user's warning levels, so no proactive warning needs to repeat it seconds later. Pure.
 */
final class StandingText {

    private StandingText() {
    }

    /** Placed first in the reply: only a CRITICAL standing is that urgent. */
    static boolean leads(Standing standing) {
        return standing != null && standing.level() == RiskLevel.CRITICAL;
    }

    static String of(Standing standing) {
        if (standing == null) {
            return "";
        }
        String where = standing.isolated() ? isolated(standing) : pool(standing);
        return switch (standing.level()) {
            case SAFE -> "🟢 " + where + ".";
            case WARNING -> "🟡 " + where + ". I'll warn you if it gets worse.";
            case DANGER -> bold("🟠 DANGER: " + where + ".") + " I'll warn you if it gets worse.";
            default -> bold("🔴 CRITICAL from the start: " + where + ".")
                    + " A small move liquidates it: add margin or reduce it now.";
        };
    }

    private static String isolated(Standing standing) {
        if (standing.value() == null) {
            return "no price can liquidate it";
        }
        String levelName = levelName(standing);
        return "liquidation " + Fmt.percent(standing.value()) + " away: "
                + (standing.level() == RiskLevel.SAFE ? "outside" : "inside") + " your " + levelName + " distance ("
                + Fmt.percent(standing.threshold()) + ")";
    }

    private static String pool(Standing standing) {
        if (standing.value() == null) {
            return "cross pool margin balance gone";
        }
        String levelName = levelName(standing);
        if (standing.poolByDistance()) {
            return "cross pool survives a joint move of " + Fmt.percent(standing.value()) + ": inside your "
                    + levelName + " distance (" + Fmt.percent(standing.threshold()) + ")";
        }
        return "cross pool margin ratio " + Fmt.percent(standing.value()) + ": "
                + (standing.level() == RiskLevel.SAFE ? "under" : "at or over") + " your " + levelName + " ratio ("
                + Fmt.percent(standing.threshold()) + ")";
    }

    /** The level it is in, in capitals like the warnings; a safe one names the warning level in lower case. */
    private static String levelName(Standing standing) {
        return standing.level() == RiskLevel.SAFE ? "warning" : standing.level().name();
    }
}
