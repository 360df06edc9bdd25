package org.marginsentinel.adapter.telegram.watch;

import java.time.Duration;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.views.PoolDistanceText;
import org.marginsentinel.application.watch.KeyedNotice;
import org.marginsentinel.application.watch.WatchNotice;
import org.marginsentinel.domain.alert.DrainReport;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;

/**
 * A watched cross pool in the user's language: its survivable joint move and odds (the paper pool's line), its level
 * by the worse of ratio and move, and its drain warning. Pure.
 */
final class WatchedPoolText {

    private WatchedPoolText() {
    }

    /** The paper pool's line: "📏 Survivable move 3.10% (…) · 24 h odds 12%"; "" without one. */
    static String distanceLine(Texts texts, PoolDistance distance) {
        return PoolDistanceText.line(distance, texts);
    }

    /** "Cross: margin ratio 12.00% (liquidation at 100%) · WARNING": the level by the worse of ratio and move. */
    static String riskLine(Texts texts, CrossAccountRisk pool, PoolDistance distance, RiskThresholds thresholds) {
        RiskLevel level = RiskReading.pool(pool.marginRatio(), distance == null ? null : distance.move())
                .level(thresholds);
        return texts.get("watch.risk.cross", ratio(texts, pool), level.name());
    }

    /** A watched Hyperliquid pool's drain warning. */
    static String drain(Texts texts, WatchNotice.DrainWarning warning) {
        return drain(texts, new Drain("Hyperliquid", warning.number(), Html.code(warning.address().shortForm()),
                "USDC", warning.drain(), warning.pool(), warning.timeToLiquidation(), warning.drainingCoin(),
                warning.distance()));
    }

    /** A watched keyed pool's drain warning. */
    static String drain(Texts texts, KeyedNotice.DrainWarning warning) {
        return drain(texts, new Drain(warning.account().exchange().displayName(), warning.number(),
                Html.code(warning.account().maskedKeyId()), "USDT", warning.drain(), warning.pool(),
                warning.timeToLiquidation(), warning.drainingSymbol(), warning.distance()));
    }

    /** What a drain warning says, whatever the venue; {@code label} is already HTML. */
    private record Drain(String venue, int number, String label, String currency, DrainReport report,
                         CrossAccountRisk pool, Duration timeToLiquidation, String drainingSymbol,
                         PoolDistance distance) {
    }

    private static String drain(Texts texts, Drain drain) {
        StringBuilder text = new StringBuilder(texts.get("watch.drain.title", texts.get("watch.drain.account",
                drain.venue(), String.valueOf(drain.number()), drain.label()))).append('\n')
                .append(texts.get("watch.drain.fell", texts.numbers().percent(drain.report().dropFraction()),
                        texts.numbers().signedMoney(drain.report().lossPerHour().abs().negate()),
                        texts.numbers().money(drain.pool().marginBalance()), ratio(texts, drain.pool()),
                        drain.currency()));
        if (drain.timeToLiquidation() != null) {
            text.append(' ').append(texts.get("watch.drain.timeLeft", age(texts, drain.timeToLiquidation())));
        }
        String distance = distanceLine(texts, drain.distance());
        text.append(distance.isEmpty() ? "" : "\n" + distance);
        if (drain.drainingSymbol() != null) {
            text.append('\n').append(texts.get("watch.drain.worstCoin", Html.escape(drain.drainingSymbol())));
        }
        return text.append('\n').append(texts.get("watch.drain.action", drain.venue())).toString();
    }

    /** "45 s", "12 min", "3 h" in the user's language. */
    static String age(Texts texts, Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 120) {
            return texts.get("watch.age.seconds", texts.numbers().count(seconds));
        }
        if (seconds < 7200) {
            return texts.get("watch.age.minutes", texts.numbers().count(seconds / 60));
        }
        return texts.get("watch.age.hours", texts.numbers().count(seconds / 3600));
    }

    private static String ratio(Texts texts, CrossAccountRisk pool) {
        return pool.marginRatio() == null ? texts.get("watch.risk.ratioOver")
                : texts.numbers().percent(pool.marginRatio());
    }
}
