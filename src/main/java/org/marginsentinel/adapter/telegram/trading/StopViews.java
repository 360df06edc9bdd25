package org.marginsentinel.adapter.telegram.trading;

import java.util.List;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.StopOrders.StopStatus;
import org.marginsentinel.domain.trigger.StopCheck;
import org.marginsentinel.domain.trigger.StopKind;

/** Words a position's stops and what is wrong with them. Pure. */
final class StopViews {

    private StopViews() {
    }

    /** "🛑 SL 90,000.00 · 🎯 TP 110,000.00 ⚠️ loses after fees", or empty without stops. */
    static String line(List<StopStatus> stops, Texts texts) {
        if (stops == null || stops.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (StopStatus stop : stops.stream().sorted((a, b) -> a.kind().compareTo(b.kind())).toList()) {
            line.append(line.length() == 0 ? "" : " · ").append(icon(stop.kind())).append(' ')
                    .append(stop.kind().shortLabel()).append(' ').append(price(stop, stop.price(), texts));
            String flag = flag(stop, texts);
            line.append(flag.isEmpty() ? "" : " ⚠️ " + flag);
        }
        return line.toString();
    }

    static String icon(StopKind kind) {
        return kind == StopKind.STOP_LOSS ? "🛑" : "🎯";
    }

    /** "stop-loss" / "стоп-лосс". */
    static String label(StopKind kind, Texts texts) {
        return texts.get("stop.kind." + kind.name());
    }

    /** What is wrong with the stop, or empty. */
    static String flag(StopStatus stop, Texts texts) {
        return switch (stop.verdict()) {
            case NEVER_FIRES -> texts.get("stop.flag.neverFires", price(stop, stop.liquidationPrice(), texts));
            case LOSES_AFTER_FEES -> texts.get("stop.flag.losesAfterFees");
            case FIRES_NOW -> texts.get("stop.flag.firesNow");
            case OK -> "";
        };
    }

    static boolean flagged(StopStatus stop) {
        return stop.verdict() == StopCheck.Verdict.NEVER_FIRES || stop.verdict() == StopCheck.Verdict.LOSES_AFTER_FEES;
    }

    private static String price(StopStatus stop, java.math.BigDecimal price, Texts texts) {
        return texts.numbers().price(stop.position().position().symbol(), price);
    }
}
