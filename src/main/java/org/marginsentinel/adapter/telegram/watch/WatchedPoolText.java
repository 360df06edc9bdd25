package org.marginsentinel.adapter.telegram.watch;

import java.math.BigDecimal;
import java.time.Duration;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.WatchNotice;
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

    private static final double SHOWN_AS_ZERO = 0.00005;

    private WatchedPoolText() {
    }

    /** "📏 Survivable move 3.10% (every cross mark against the pool at once, …) · 24 h odds 12%"; "" without one. */
    static String distanceLine(Texts texts, PoolDistance distance) {
        if (distance == null) {
            return "";
        }
        if (distance.move() == null) {
            return texts.get("watch.pool.noMoveLiquidates");
        }
        if (distance.move().signum() <= 0) {
            return texts.get("watch.pool.atLiquidation");
        }
        String line = texts.get("watch.pool.survivableMove", texts.numbers().percent(distance.move()),
                texts.get(distance.model().volatilityScaled() ? "watch.pool.byVolatility" : "watch.pool.equalShares"));
        if (distance.odds() == null) {
            return line;
        }
        double odds = distance.odds().probability();
        String probability = odds >= 1 ? texts.numbers().percent(BigDecimal.ONE)
                : odds < SHOWN_AS_ZERO ? texts.get("watch.pool.oddsUnder")
                : texts.numbers().percent(BigDecimal.valueOf(odds));
        return texts.get("watch.pool.odds", line, probability);
    }

    /** "Cross: margin ratio 12.00% (liquidation at 100%) · WARNING": the level by the worse of ratio and move. */
    static String riskLine(Texts texts, CrossAccountRisk pool, PoolDistance distance, RiskThresholds thresholds) {
        RiskLevel level = RiskReading.pool(pool.marginRatio(), distance == null ? null : distance.move())
                .level(thresholds);
        return texts.get("watch.risk.cross", ratio(texts, pool), level.name());
    }

    static String drain(Texts texts, WatchNotice.DrainWarning warning) {
        StringBuilder text = new StringBuilder(texts.get("watch.drain.title", texts.get("watch.drain.account",
                String.valueOf(warning.number()), Html.code(warning.address().shortForm())))).append('\n')
                .append(texts.get("watch.drain.fell", texts.numbers().percent(warning.drain().dropFraction()),
                        texts.numbers().signedMoney(warning.drain().lossPerHour().abs().negate()),
                        texts.numbers().money(warning.pool().marginBalance()), ratio(texts, warning.pool())));
        if (warning.timeToLiquidation() != null) {
            text.append(' ').append(texts.get("watch.drain.timeLeft", age(texts, warning.timeToLiquidation())));
        }
        String distance = distanceLine(texts, warning.distance());
        text.append(distance.isEmpty() ? "" : "\n" + distance);
        if (warning.drainingCoin() != null) {
            text.append('\n').append(texts.get("watch.drain.worstCoin", Html.escape(warning.drainingCoin())));
        }
        return text.append('\n').append(texts.get("watch.drain.action")).toString();
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
