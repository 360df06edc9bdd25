package org.marginsentinel.adapter.telegram.trading;

import org.marginsentinel.adapter.telegram.i18n.Texts;
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

    static String of(Standing standing, Texts texts) {
        if (standing == null) {
            return "";
        }
        String where = standing.isolated() ? isolated(standing, texts) : pool(standing, texts);
        return switch (standing.level()) {
            case SAFE -> texts.get("standing.safe", where);
            case WARNING -> texts.get("standing.warning", where);
            case DANGER -> texts.get("standing.danger", where);
            default -> texts.get("standing.critical", where);
        };
    }

    private static String isolated(Standing standing, Texts texts) {
        if (standing.value() == null) {
            return texts.get("standing.noLiquidationPrice");
        }
        return texts.get(standing.level() == RiskLevel.SAFE ? "standing.isolated.outside" : "standing.isolated.inside",
                texts.numbers().percent(standing.value()), levelName(standing, texts),
                texts.numbers().percent(standing.threshold()));
    }

    private static String pool(Standing standing, Texts texts) {
        if (standing.value() == null) {
            return texts.get("standing.poolGone");
        }
        String value = texts.numbers().percent(standing.value());
        String threshold = texts.numbers().percent(standing.threshold());
        if (standing.poolByDistance()) {
            return texts.get("standing.poolMove", value, levelName(standing, texts), threshold);
        }
        return texts.get(standing.level() == RiskLevel.SAFE ? "standing.poolRatio.under" : "standing.poolRatio.over",
                value, levelName(standing, texts), threshold);
    }

    /** The level it is in, in capitals like the warnings; a safe one names the warning level in lower case. */
    private static String levelName(Standing standing, Texts texts) {
        return texts.get("standing.level." + standing.level().name());
    }
}
