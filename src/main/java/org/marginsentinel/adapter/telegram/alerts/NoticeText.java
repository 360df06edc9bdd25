package org.marginsentinel.adapter.telegram.alerts;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.time.Duration;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.views.PoolDistanceText;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RecommendedAction;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/** Words every proactive notice: what happened, how close it is, what to do. Pure. */
public final class NoticeText {

    private NoticeText() {
    }

    /** The private-chat text of {@code notice} (HTML). */
    public static String of(Notice notice) {
        return notice.accept(WORDING);
    }

    private static final Notice.Visitor<String> WORDING = new Notice.Visitor<>() {
        @Override
        public String positionWarning(Notice.PositionWarning warning) {
            return NoticeText.positionWarning(warning);
        }

        @Override
        public String poolWarning(Notice.PoolWarning warning) {
            return NoticeText.poolWarning(warning);
        }

        @Override
        public String drainWarning(Notice.DrainWarning warning) {
            return drain(warning);
        }

        @Override
        public String isolatedLiquidated(Notice.IsolatedLiquidated liquidated) {
            return NoticeText.isolatedLiquidated(liquidated);
        }

        @Override
        public String crossLiquidated(Notice.CrossLiquidated liquidated) {
            return NoticeText.crossLiquidated(liquidated);
        }

        @Override
        public String feedPaused(Notice.FeedPaused paused) {
            return "⏸ No prices have arrived for " + duration(paused.silentFor())
                    + ". Warnings and paper liquidations are paused until they do; I will tell you when they resume.";
        }

        @Override
        public String feedResumed(Notice.FeedResumed resumed) {
            return "▶️ Prices are flowing again: warnings and liquidations are back on.";
        }

        @Override
        public String fundingPaid(Notice.FundingPaid paid) {
            String where = paid.liquidationPrice() == null ? "no price can liquidate it"
                    : "Liq. now " + Fmt.price(paid.liquidationPrice()) + ", " + Fmt.percent(paid.distance()) + " away";
            return "💸 Funding: #" + paid.positionNumber() + " " + paid.symbol() + " paid " + Fmt.usdt(paid.paid())
                    + " at " + paid.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%. " + where + ".";
        }

        @Override
        public String priceAlertFired(Notice.PriceAlertFired fired) {
            return "🔔 " + bold(fired.symbol() + " " + fired.direction() + " " + Fmt.price(fired.level()))
                    + ": the mark is " + Fmt.price(fired.mark())
                    + ". This alert fired once and is removed; set another with /alert.";
        }

        @Override
        public String stopExecuted(Notice.StopExecuted executed) {
            BigDecimal net = executed.realizedPnl().subtract(executed.fee());
            return (executed.kind().equals("take-profit") ? "🎯 " : "🛑 ") + bold(executed.kind() + " executed")
                    + " · #" + executed.positionNumber() + " " + bold(executed.symbol() + " " + executed.side())
                    + " " + Fmt.quantity(executed.quantity()) + " closed at mark " + Fmt.price(executed.mark())
                    + " (stop " + Fmt.price(executed.stopPrice()) + ")\nPnL " + Fmt.signedMoney(executed.realizedPnl())
                    + " · taker fee " + Fmt.usdt(executed.fee()) + " · net " + Fmt.signedMoney(net) + " USDT";
        }
    };

    static String headline(RiskLevel level) {
        switch (level) {
            case CRITICAL:
                return "🔴 CRITICAL";
            case DANGER:
                return "🟠 DANGER";
            case WARNING:
                return "🟡 WARNING";
            case LIQUIDATED:
                return "⛔ LIQUIDATED";
            default:
                return "🟢 SAFE";
        }
    }

    private static String positionWarning(Notice.PositionWarning warning) {
        PositionRisk risk = warning.risk();
        Position position = risk.position();
        StringBuilder text = new StringBuilder(bold(headline(warning.decision().level())))
                .append(" · #").append(warning.positionNumber()).append(' ')
                .append(bold(position.symbol() + " " + position.side().name())).append(' ')
                .append(Fmt.quantity(position.quantity())).append(" (isolated ").append(position.leverage()).append("x)\n")
                .append("Mark ").append(Fmt.price(risk.markPrice())).append(" · liquidation ")
                .append(Fmt.price(risk.liquidationPrice())).append(" · ")
                .append(bold(Fmt.percent(risk.distanceToLiquidation()) + " away")).append('\n');
        if (warning.odds() != null) {
            text.append("🎲 Odds of liquidation within 24 h: ").append(bold(Fmt.percent(warning.odds())))
                    .append(warning.oddsTriggered() ? " (your odds alert)" : "").append('\n');
        }
        text.append(recommendation(warning.recommended().orElse(null), warning.positionNumber()));
        if (warning.decision().silent()) {
            text.append("\n<i>Still critical; reminder every 10 minutes.</i>");
        }
        return text.toString();
    }

    private static String poolWarning(Notice.PoolWarning warning) {
        CrossAccountRisk pool = warning.pool();
        StringBuilder text = new StringBuilder(bold(headline(warning.decision().level())))
                .append(" · cross pool margin ratio ").append(bold(Fmt.percent(pool.marginRatio())))
                .append(" (liquidation at 100%)\n")
                .append("Margin balance ").append(Fmt.usdt(pool.marginBalance())).append(" · maintenance ")
                .append(Fmt.usdt(pool.maintenanceMargin())).append('\n');
        String distance = PoolDistanceText.line(warning.distance());
        text.append(distance.isEmpty() ? "" : distance + "\n");
        text.append(recommendation(warning.recommended().orElse(null), 0));
        if (warning.decision().silent()) {
            text.append("\n<i>Still critical; reminder every 10 minutes.</i>");
        }
        return text.toString();
    }

    /**
     * The warning's one recommended action, with its number and the typed command that does the same as its button
     * ({@code number} is the position's number, 0 for the pool); other remedies are left to /risk.
     */
    static String recommendation(RecommendedAction action, int number) {
        if (action == null) {
            return number > 0 ? "👉 Add margin (/margin " + number + " add &lt;amount&gt;) or close it (/close " + number
                    + "); /risk shows the figures."
                    : "👉 Reduce your cross positions or /deposit; /risk shows the figures.";
        }
        String goal = action.survivesLikelyMove()
                ? "clears your warning level and survives the move with a 5% chance within 24 h"
                : "clears your warning level";
        StringBuilder text = new StringBuilder("👉 ");
        switch (action.kind()) {
            case ADD_MARGIN -> {
                text.append(bold("Add " + Fmt.usdt(action.amount()) + " margin"));
                if (action.liquidationAfter() != null) {
                    text.append(" (liquidation to ").append(Fmt.price(action.liquidationAfter())).append(')');
                }
                text.append(": ").append(goal).append(". /margin ").append(number).append(" add ")
                        .append(action.amount().toPlainString());
            }
            case DEPOSIT -> text.append(bold("Deposit " + Fmt.usdt(action.amount()))).append(": ").append(goal)
                    .append(". /deposit ").append(action.amount().toPlainString());
            default -> {
                String what = number > 0 ? "#" + number : "every cross position";
                text.append(bold(action.share().compareTo(BigDecimal.ONE) >= 0 ? "Close " + what
                        : "Close " + action.sharePercent().toPlainString() + "% of " + what));
                if (action.amount() != null) {
                    text.append(", then add ").append(bold(Fmt.usdt(action.amount()) + " margin"))
                            .append(" to the rest (/margin ").append(number).append(" add ")
                            .append(action.amount().toPlainString()).append(')');
                }
                text.append(": ").append(action.amount() != null || number == 0 ? goal : "ends the risk").append('.');
            }
        }
        if (action.shortfall() != null) {
            text.append("\nAdding the ").append(Fmt.usdt(action.shortfall().needed()))
                    .append(" it needs is more than you can add now. ")
                    .append(escape(action.shortfall().addable().refusal("At most %s can be added")));
        }
        return text.append("\nOther remedies: /risk").toString();
    }

    private static String drain(Notice.DrainWarning drain) {
        StringBuilder text = new StringBuilder(bold("📉 Your cross pool is draining"))
                .append(": margin balance down ").append(Fmt.percent(drain.dropFraction())).append(" within the hour (")
                .append(Fmt.signedMoney(drain.ratePerHour().abs().negate())).append(" USDT per hour).\n")
                .append("Margin balance now ").append(Fmt.usdt(drain.marginBalance())).append(", ratio ")
                .append(Fmt.percent(drain.marginRatio())).append('.');
        if (drain.timeToLiquidation() != null) {
            text.append(" At this rate it reaches liquidation in about ").append(duration(drain.timeToLiquidation()))
                    .append('.');
        }
        String distance = PoolDistanceText.line(drain.distance());
        text.append(distance.isEmpty() ? "" : "\n" + distance);
        if (drain.drainingSymbol() != null) {
            text.append("\nDraining it most: ").append(bold(escape(drain.drainingSymbol()))).append('.');
        }
        return text.append("\n👉 /risk shows the pool; reduce or /deposit before it is too late.").toString();
    }

    private static String isolatedLiquidated(Notice.IsolatedLiquidated liquidated) {
        StringBuilder text = new StringBuilder(bold("⛔ LIQUIDATED")).append(" · #").append(liquidated.positionNumber())
                .append(' ').append(bold(liquidated.symbol() + " " + liquidated.side())).append(' ')
                .append(Fmt.quantity(liquidated.quantity())).append(" at mark ").append(Fmt.price(liquidated.markPrice()))
                .append(" (liquidation price ").append(Fmt.price(liquidated.liquidationPrice())).append(")\n")
                .append("Lost: its isolated margin, ").append(Fmt.usdt(liquidated.marginLost()))
                .append(". Nothing else in your account was touched: that is what isolated margin is for.");
        if (liquidated.marginThatWouldHaveSaved() != null) {
            text.append("\n💡 ").append(Fmt.usdt(liquidated.marginThatWouldHaveSaved()))
                    .append(" more margin would have kept it open through this move with a 5% buffer.");
        }
        return text.toString();
    }

    private static String crossLiquidated(Notice.CrossLiquidated liquidated) {
        StringBuilder text = new StringBuilder(bold("⛔ CROSS POOL LIQUIDATED")).append(": ")
                .append(escape(String.join(", ", liquidated.closedPositions()))).append(" closed.\n")
                .append("Lost: the whole cross wallet, ").append(Fmt.usdt(liquidated.walletLost()))
                .append(". Isolated positions keep their own margin.");
        if (liquidated.depositThatWouldHaveSaved() != null) {
            text.append("\n💡 A deposit of ").append(Fmt.usdt(liquidated.depositThatWouldHaveSaved()))
                    .append(" would have kept the pool alive with a buffer.");
        }
        return text.toString();
    }

    static String duration(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
}
