package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.command.OrderArguments;
import org.marginsentinel.adapter.telegram.views.InsightViews;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.OrderPreview;
import org.marginsentinel.adapter.telegram.watch.WatchedSections;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;

/**
 * {@code /whatif long BTC 0.1 20x}: what opening that would do (liquidation price, cross margin ratio before and
 * after, the worst case as a share of the account) under the same rules as /long and /short, with nothing opened.
 */
@ApplicationScoped
public class WhatIfCommand implements ChatCommand {

    @Inject
    RiskInsights insights;

    @Inject
    WatchedSections watchedSections;

    @Inject
    PaperPart paperPart;

    @Override
    public CommandSpec spec() {
        return CommandTable.WHATIF;
    }

    @Override
    public BotReply handle(CommandContext context) {
        List<String> args = context.args();
        if (args.isEmpty()) {
            throw new CommandRejected("Say long or short, then the order as for /long.");
        }
        Side side = Side.parse(args.get(0)).orElseThrow(() ->
                new CommandRejected("Start with long or short, like /whatif long BTC 0.1 20x."));
        OpenOrder order = OrderArguments.parse(side, args.subList(1, args.size()));
        String watched = watchedSections.whatIf(context, order);
        if (!watched.isEmpty() && paperPart.none(context.userId())) {
            return BotReply.html(bold("🔮 What if: " + order.side().name() + " " + order.symbol())
                    + "\nPaper account: none yet (/start opens one)." + watched);
        }
        RiskInsights.WhatIfOutcome outcome = insights.whatIf(context.userId(), order);
        return BotReply.html(render(order, context.argumentText(), outcome) + watched);
    }

    private static String render(OpenOrder order, String argumentText, RiskInsights.WhatIfOutcome outcome) {
        OrderPreview preview = outcome.preview();
        Position resulting = preview.resulting();
        StringBuilder text = new StringBuilder(bold("🔮 What if: " + order.side().name() + " " + order.symbol()))
                .append(" at ").append(Fmt.price(preview.fillPrice())).append(" (nothing opened)\n");
        if (preview.closedQuantity().signum() > 0) {
            text.append("Closes ").append(Fmt.quantity(preview.closedQuantity())).append(" of #")
                    .append(preview.existingNumber()).append(", booking ").append(Fmt.signedMoney(preview.realizedPnl()))
                    .append(" USDT\n");
        }
        if (resulting == null) {
            text.append("The ").append(order.symbol()).append(" position would be closed.\n");
        } else {
            PositionRisk risk = outcome.resultingRisk();
            text.append("Position: ").append(resulting.side().name()).append(' ').append(Fmt.quantity(resulting.quantity()))
                    .append(" · ").append(resulting.marginMode().label()).append(' ').append(resulting.leverage())
                    .append("x · entry ").append(Fmt.price(resulting.entryPrice())).append('\n');
            if (risk.liquidationPrice() == null) {
                text.append("Liquidation price: none, no price can liquidate it\n");
            } else {
                text.append("Liquidation price: ").append(bold(Fmt.price(risk.liquidationPrice()))).append(" (")
                        .append(Fmt.percent(risk.distanceToLiquidation())).append(" away")
                        .append(resulting.isIsolated() ? "" : ", if other marks stay").append(")\n");
            }
            BigDecimal worst = outcome.worstCase();
            BigDecimal equity = preview.before().risk().equity();
            text.append("Worst case: ").append(bold(Fmt.signedMoney(worst.negate()) + " USDT"));
            if (equity.signum() > 0) {
                text.append(" = ").append(Fmt.percent(Decimals.divide(worst, equity))).append(" of your ")
                        .append(Fmt.usdt(equity)).append(" equity");
            }
            text.append(resulting.isIsolated() ? " (its isolated margin)\n" : " (the whole cross wallet)\n");
            if (outcome.odds() != null) {
                text.append("🎲 24 h odds of liquidation ").append(bold(InsightViews.probability(outcome.odds().probability())))
                        .append(" · ").append(InsightViews.volUnits(outcome.odds())).append('\n');
            }
        }
        CrossAccountRisk before = preview.before().risk().cross();
        CrossAccountRisk after = preview.after().cross();
        text.append("Cross margin ratio: ").append(ratio(before)).append(" → ").append(bold(ratio(after)))
                .append(" (liquidation at 100%)\n")
                .append("Available: ").append(Fmt.usdt(before.availableBalance())).append(" → ")
                .append(Fmt.usdt(after.availableBalance())).append('\n')
                .append(preview.fee().signum() == 0 ? "" : "Taker fee: " + Fmt.usdt(preview.fee()) + " (from the wallet)\n")
                .append("To do it: ").append(org.marginsentinel.adapter.telegram.format.Html.code("/"
                        + order.side().label() + " " + argumentText.substring(argumentText.indexOf(' ') + 1).trim()));
        return text.toString();
    }

    private static String ratio(CrossAccountRisk pool) {
        return pool.marginRatio() == null ? "over 100%" : Fmt.percent(pool.marginRatio());
    }
}
