package org.marginsentinel.adapter.telegram.alerts;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.views.ClosedPositionsText;
import org.marginsentinel.adapter.telegram.views.PoolDistanceText;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * Words every proactive notice in its recipient's language (the {@code notice.*} texts of the {@code notices}
 * bundle): what happened, how close it is, what to do. Pure.
 */
public final class NoticeText {

    private NoticeText() {
    }

    /** The private-chat text of {@code notice} (HTML) in the language of {@code texts}. */
    public static String of(Notice notice, Texts texts) {
        return notice.accept(new Wording(texts));
    }

    /** One notice kind, one method: a new kind of notice does not compile until it has its words. */
    private record Wording(Texts t) implements Notice.Visitor<String> {
        @Override
        public String positionWarning(Notice.PositionWarning warning) {
            return NoticeText.positionWarning(warning, t);
        }

        @Override
        public String poolWarning(Notice.PoolWarning warning) {
            return NoticeText.poolWarning(warning, t);
        }

        @Override
        public String drainWarning(Notice.DrainWarning warning) {
            return drain(warning, t);
        }

        @Override
        public String isolatedLiquidated(Notice.IsolatedLiquidated liquidated) {
            return NoticeText.isolatedLiquidated(liquidated, t);
        }

        @Override
        public String crossLiquidated(Notice.CrossLiquidated liquidated) {
            return NoticeText.crossLiquidated(liquidated, t);
        }

        @Override
        public String feedPaused(Notice.FeedPaused paused) {
            return t.get("notice.feedPaused", duration(paused.silentFor(), t));
        }

        @Override
        public String feedResumed(Notice.FeedResumed resumed) {
            return t.get("notice.feedResumed");
        }

        @Override
        public String fundingPaid(Notice.FundingPaid paid) {
            Numbers n = t.numbers();
            String where = paid.liquidationPrice() == null ? t.get("notice.funding.noLiquidation")
                    : t.get("notice.funding.liquidation", n.price(paid.symbol(), paid.liquidationPrice()),
                            n.percent(paid.distance()));
            return t.get("notice.funding", String.valueOf(paid.positionNumber()), escape(paid.symbol()),
                    n.usdt(paid.paid()), plain(paid.rate().movePointRight(2), t), where);
        }

        @Override
        public String priceAlertFired(Notice.PriceAlertFired fired) {
            Numbers n = t.numbers();
            return t.get("notice.priceAlert", escape(fired.symbol()), escape(fired.direction()),
                    n.price(fired.symbol(), fired.level()), n.price(fired.symbol(), fired.mark()));
        }

        @Override
        public String stopExecuted(Notice.StopExecuted executed) {
            Numbers n = t.numbers();
            String symbol = executed.symbol();
            BigDecimal net = executed.realizedPnl().subtract(executed.fee());
            return t.get("notice.stop.executed",
                    t.get(executed.kind().equals("take-profit") ? "notice.stop.takeProfit" : "notice.stop.stopLoss"),
                    String.valueOf(executed.positionNumber()), escape(symbol), t.side(executed.side()),
                    n.quantity(symbol, executed.quantity()), n.price(symbol, executed.mark()),
                    n.price(symbol, executed.stopPrice()), n.signedMoney(executed.realizedPnl()),
                    n.usdt(executed.fee()), n.signedMoney(net));
        }
    }

    /** The level's headline, "🟠 DANGER" (plain text). */
    static String headline(RiskLevel level, Texts t) {
        return t.get("notice.level." + level.name());
    }

    private static String positionWarning(Notice.PositionWarning warning, Texts t) {
        Numbers n = t.numbers();
        PositionRisk risk = warning.risk();
        Position position = risk.position();
        String symbol = position.symbol();
        StringBuilder text = new StringBuilder(t.get("notice.position.head",
                escape(headline(warning.decision().level(), t)), String.valueOf(warning.positionNumber()),
                escape(symbol), t.side(position.side()), n.quantity(symbol, position.quantity()),
                String.valueOf(position.leverage()))).append('\n')
                .append(t.get("notice.position.where", n.price(symbol, risk.markPrice()),
                        n.price(symbol, risk.liquidationPrice()), n.percent(risk.distanceToLiquidation())))
                .append('\n');
        if (warning.odds() != null) {
            text.append(t.get(warning.oddsTriggered() ? "notice.position.oddsTriggered" : "notice.position.odds",
                    n.percent(warning.odds()))).append('\n');
        }
        text.append(recommendation(warning.recommended().orElse(null), warning.positionNumber(), symbol, t));
        if (warning.decision().silent()) {
            text.append('\n').append(t.get("notice.stillCritical"));
        }
        return text.toString();
    }

    private static String poolWarning(Notice.PoolWarning warning, Texts t) {
        Numbers n = t.numbers();
        CrossAccountRisk pool = warning.pool();
        StringBuilder text = new StringBuilder(t.get("notice.pool.head", escape(headline(warning.decision().level(), t)),
                n.percent(pool.marginRatio()))).append('\n')
                .append(t.get("notice.pool.balances", n.usdt(pool.marginBalance()), n.usdt(pool.maintenanceMargin())))
                .append('\n');
        String distance = PoolDistanceText.line(warning.distance(), t);
        text.append(distance.isEmpty() ? "" : distance + "\n");
        text.append(recommendation(warning.recommended().orElse(null), 0, null, t));
        if (warning.decision().silent()) {
            text.append('\n').append(t.get("notice.stillCritical"));
        }
        return text.toString();
    }

    /**
     * The warning's one recommended action, with its number and the typed command that does the same as its button
     * ({@code number} is the position's number, 0 for the pool; {@code symbol} the position's, for its prices); other
     * remedies are left to /risk.
     */
    static String recommendation(RecommendedAction action, int number, String symbol, Texts t) {
        Numbers n = t.numbers();
        String position = String.valueOf(number);
        if (action == null) {
            return number > 0 ? t.get("notice.advice.none.position", position) : t.get("notice.advice.none.pool");
        }
        String goal = t.get(action.survivesLikelyMove() ? "notice.advice.goalSurvives" : "notice.advice.goal");
        StringBuilder text = new StringBuilder();
        switch (action.kind()) {
            case ADD_MARGIN -> text.append(action.liquidationAfter() == null
                    ? t.get("notice.advice.addMargin", n.usdt(action.amount()), goal, position,
                            action.amount().toPlainString())
                    : t.get("notice.advice.addMarginTo", n.usdt(action.amount()),
                            symbol == null ? n.price(action.liquidationAfter())
                                    : n.price(symbol, action.liquidationAfter()),
                            goal, position, action.amount().toPlainString()));
            case DEPOSIT -> text.append(t.get("notice.advice.deposit", n.usdt(action.amount()), goal,
                    action.amount().toPlainString()));
            default -> {
                String share = action.sharePercent().toPlainString();
                String what = action.share().compareTo(BigDecimal.ONE) >= 0
                        ? (number > 0 ? t.get("notice.advice.closeAll.position", position)
                                : t.get("notice.advice.closeAll.pool"))
                        : (number > 0 ? t.get("notice.advice.closeShare.position", share, position)
                                : t.get("notice.advice.closeShare.pool", share));
                String thenAdd = action.amount() == null ? "" : t.get("notice.advice.thenAdd",
                        n.usdt(action.amount()), position, action.amount().toPlainString());
                text.append(t.get("notice.advice.close", what, thenAdd,
                        action.amount() != null || number == 0 ? goal : t.get("notice.advice.endsRisk")));
            }
        }
        if (action.shortfall() != null) {
            text.append('\n').append(t.get("notice.advice.shortfall", n.usdt(action.shortfall().needed()),
                    n.usdt(action.shortfall().addable().most().setScale(2, RoundingMode.DOWN)), LimitText.of(action.shortfall().addable(), t)));
        }
        return text.append('\n').append(t.get("notice.advice.otherRemedies")).toString();
    }

    private static String drain(Notice.DrainWarning drain, Texts t) {
        Numbers n = t.numbers();
        StringBuilder text = new StringBuilder(t.get("notice.drain.head", n.percent(drain.dropFraction()),
                n.signedMoney(drain.ratePerHour().abs().negate()))).append('\n')
                .append(t.get("notice.drain.now", n.usdt(drain.marginBalance()), n.percent(drain.marginRatio())));
        if (drain.timeToLiquidation() != null) {
            text.append(' ').append(t.get("notice.drain.timeLeft", duration(drain.timeToLiquidation(), t)));
        }
        String distance = PoolDistanceText.line(drain.distance(), t);
        text.append(distance.isEmpty() ? "" : "\n" + distance);
        if (drain.drainingSymbol() != null) {
            text.append('\n').append(t.get("notice.drain.most", escape(drain.drainingSymbol())));
        }
        return text.append('\n').append(t.get("notice.drain.advice")).toString();
    }

    private static String isolatedLiquidated(Notice.IsolatedLiquidated liquidated, Texts t) {
        Numbers n = t.numbers();
        String symbol = liquidated.symbol();
        StringBuilder text = new StringBuilder(t.get("notice.isolatedLiquidated",
                String.valueOf(liquidated.positionNumber()), escape(symbol), t.side(liquidated.side()),
                n.quantity(symbol, liquidated.quantity()), n.price(symbol, liquidated.markPrice()),
                n.price(symbol, liquidated.liquidationPrice()), n.usdt(liquidated.marginLost())));
        if (liquidated.marginThatWouldHaveSaved() != null) {
            text.append('\n').append(t.get("notice.isolatedLiquidated.rescue",
                    n.usdt(liquidated.marginThatWouldHaveSaved())));
        }
        return text.toString();
    }

    private static String crossLiquidated(Notice.CrossLiquidated liquidated, Texts t) {
        Numbers n = t.numbers();
        StringBuilder text = new StringBuilder(t.get("notice.crossLiquidated",
                ClosedPositionsText.of(liquidated.closedPositions(), t), n.usdt(liquidated.walletLost())));
        if (liquidated.depositThatWouldHaveSaved() != null) {
            text.append('\n').append(t.get("notice.crossLiquidated.rescue",
                    n.usdt(liquidated.depositThatWouldHaveSaved())));
        }
        return text.toString();
    }

    static String duration(Duration duration, Texts t) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes < 60) {
            return t.get("notice.duration.minutes", String.valueOf(minutes));
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? t.get("notice.duration.hours", String.valueOf(hours))
                : t.get("notice.duration.hoursMinutes", String.valueOf(hours), String.valueOf(rest));
    }

    /** A plain decimal ("0.1") with this language's decimal separator. */
    private static String plain(BigDecimal value, Texts t) {
        String english = value.stripTrailingZeros().toPlainString();
        return t.language() == Language.RU ? english.replace('.', ',') : english;
    }
}
