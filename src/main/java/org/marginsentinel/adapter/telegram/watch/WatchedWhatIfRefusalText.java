package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.WatchedInsights;

/** Why a what-if was not imagined on a watched Hyperliquid account, in the reader's language (HTML). */
public final class WatchedWhatIfRefusalText {

    private WatchedWhatIfRefusalText() {
    }

    public static String of(WatchedInsights.Refused refused, Texts texts) {
        String subject = escape(refused.subject());
        return switch (refused.reason()) {
            case NO_MARKET -> texts.get("watch.whatIf.refused.noMarket", subject);
            case NO_MARK -> texts.get("watch.whatIf.refused.noMark", subject);
            case OTHER_MODE -> texts.get("watch.whatIf.refused.otherMode." + refused.heldMode().name(), subject);
            case LEVERAGE_ABOVE_MAX -> texts.get("watch.whatIf.refused.leverage", subject,
                    String.valueOf(refused.mostLeverage()));
            case OFF_SIZE_STEP -> texts.get("watch.whatIf.refused.offSizeStep", subject,
                    texts.numbers().quantity(refused.sizeStep()));
            case SUM_BELOW_SIZE_STEP -> texts.get("watch.whatIf.refused.sumBelowSizeStep", subject,
                    texts.numbers().quantity(refused.sizeStep()));
        };
    }
}
