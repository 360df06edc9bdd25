package org.marginsentinel.adapter.telegram.alerts;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.domain.margin.MarginAllowance;

/**
 * Why no more margin can move ({@link MarginAllowance.Limit}) in the reader's words (HTML), with the domain's
 * rounding: amounts down to the cent, unrealised PnL with its sign ("+134.12 USDT", "-200.00 USDT").
 */
final class LimitText {

    private LimitText() {
    }

    static String of(MarginAllowance allowance, Texts t) {
        MarginAllowance.Limit limit = allowance.limit();
        if (limit == null) {
            return escape(allowance.limitedBy()); // a rule without figures: its own words
        }
        List<BigDecimal> f = limit.figures();
        return switch (limit.rule()) {
            case AVAILABLE_BALANCE -> t.get("notice.limit.availableBalance", usdt(f.get(0), t), signed(f.get(1), t),
                    usdt(f.get(2), t));
            case CROSS_WALLET_LESS_MAINTENANCE -> t.get("notice.limit.crossWalletLessMaintenance", usdt(f.get(0), t),
                    usdt(f.get(1), t));
            case CROSS_KEEPS_INITIAL -> t.get("notice.limit.crossKeepsInitial", usdt(f.get(0), t));
            case POSITION_KEEPS_INITIAL_AT_MARK -> t.get("notice.limit.positionKeepsInitialAtMark", usdt(f.get(0), t),
                    signed(f.get(1), t));
            case POSITION_KEEPS_MAINTENANCE -> t.get("notice.limit.positionKeepsMaintenance", usdt(f.get(0), t));
            case POSITION_KEEPS_INITIAL -> t.get("notice.limit.positionKeepsInitial", usdt(f.get(0), t));
        };
    }

    private static String usdt(BigDecimal amount, Texts t) {
        return t.numbers().usdt(amount.setScale(2, RoundingMode.DOWN));
    }

    private static String signed(BigDecimal amount, Texts t) {
        Numbers n = t.numbers();
        return (amount.signum() >= 0 ? "+" : "-") + n.usdt(amount.abs().setScale(2, RoundingMode.DOWN));
    }
}
