package org.marginsentinel.adapter.telegram.trading;

import java.util.List;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.StopOrders.StopStatus;
import org.marginsentinel.domain.trigger.StopCheck;
import org.marginsentinel.domain.trigger.StopKind;

/** Words a position's stops and what is wrong with them. Pure. */
final class StopViews {

    private StopViews() {
    }

    /** "🛑 SL 90,000.00 · 🎯 TP 110,000.00 ⚠️ loses after fees", or empty without stops. */
    static String line(List<StopStatus> stops) {
        if (stops == null || stops.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (StopStatus stop : stops.stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList()) {
            line.append(line.length() == 0 ? "" : " · ").append(stop.kind() == StopKind.STOP_LOSS ? "🛑 " : "🎯 ")
                    .append(stop.kind().shortLabel()).append(' ').append(Fmt.price(stop.price()));
            String flag = flag(stop);
            line.append(flag.isEmpty() ? "" : " ⚠️ " + flag);
        }
        return line.toString();
    }

    /** What is wrong with the stop, or empty. */
    static String flag(StopStatus stop) {
        return switch (stop.verdict()) {
            case NEVER_FIRES -> "can never fire: liquidation at " + Fmt.price(stop.liquidationPrice()) + " comes first";
            case LOSES_AFTER_FEES -> "loses after fees";
            case FIRES_NOW -> "due: executes at the next price tick";
            case OK -> "";
        };
    }

    static boolean flagged(StopStatus stop) {
        return stop.verdict() == StopCheck.Verdict.NEVER_FIRES || stop.verdict() == StopCheck.Verdict.LOSES_AFTER_FEES;
    }
}
