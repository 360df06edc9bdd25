package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.command.OrderArguments;
import org.marginsentinel.adapter.telegram.views.InsightViews;
import org.marginsentinel.adapter.telegram.views.NotionalText;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.OrderPreview;
import org.marginsentinel.adapter.telegram.watch.WatchedSections;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.application.port.LotSizes;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.LotSize;

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

    @Inject
    LotSizes lotSizes;

    @Override
    public CommandSpec spec() {
        return CommandTable.WHATIF;
    }

    @Override
    public BotReply handle(CommandContext context) {
        List<String> args = context.args();
        if (args.isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.whatIf.how.refused"));
        }
        Side side = Side.parse(args.get(0)).orElseThrow(() ->
                new CommandRejected(context.texts().get("refusals.whatIf.side.refused")));
        OpenOrder order = OrderArguments.parse(side, args.subList(1, args.size()));
        String watched = watchedSections.whatIf(context, order);
        if (!watched.isEmpty() && paperPart.none(context.userId())) {
            Texts texts = context.texts();
            return BotReply.html(texts.get("whatif.title", texts.side(order.side()), escape(order.symbol())) + "\n"
                    + texts.get("insights.paperAccount", texts.get("insights.paper.none")) + watched);
        }
        RiskInsights.WhatIfOutcome outcome = insights.whatIf(context.userId(), order);
        BigDecimal step = lotSizes.of(order.symbol()).map(LotSize::step).orElse(null);
        return BotReply.html(render(order, context.argumentText(), outcome, step, context.texts()) + watched);
    }

    /** @param step the symbol's lot step, or null when none is known */
    static String render(OpenOrder order, String argumentText, RiskInsights.WhatIfOutcome outcome, BigDecimal step,
                         Texts texts) {
        Numbers n = texts.numbers();
        String symbol = order.symbol();
        OrderPreview preview = outcome.preview();
        Position resulting = preview.resulting();
        StringBuilder text = new StringBuilder(texts.get("whatif.titleAt", texts.side(order.side()), escape(symbol),
                n.price(symbol, preview.fillPrice()))).append('\n');
        String notional = NotionalText.line(order, preview.quantity(), preview.fillPrice(), step, texts);
        if (!notional.isEmpty()) {
            text.append(notional).append('\n');
        }
        if (preview.closedQuantity().signum() > 0) {
            text.append(texts.get("whatif.closes", n.quantity(symbol, preview.closedQuantity()),
                    String.valueOf(preview.existingNumber()), n.signedMoney(preview.realizedPnl()))).append('\n');
        }
        if (resulting == null) {
            text.append(texts.get("whatif.closed", escape(symbol))).append('\n');
        } else {
            PositionRisk risk = outcome.resultingRisk();
            text.append(texts.get("whatif.position", texts.side(resulting.side()), n.quantity(symbol, resulting.quantity()),
                    texts.get("insights.mode." + resulting.marginMode().label()), String.valueOf(resulting.leverage()),
                    n.price(symbol, resulting.entryPrice()))).append('\n');
            if (risk.liquidationPrice() == null) {
                text.append(texts.get("whatif.noLiquidation")).append('\n');
            } else {
                String key = resulting.isIsolated() ? "whatif.liquidation.isolated" : "whatif.liquidation.cross";
                text.append(texts.get(key, n.price(symbol, risk.liquidationPrice()),
                        n.percent(risk.distanceToLiquidation()))).append('\n');
            }
            BigDecimal worst = outcome.worstCase();
            BigDecimal equity = preview.before().risk().equity();
            String share = equity.signum() > 0
                    ? texts.get("whatif.worstShare", n.percent(Decimals.divide(worst, equity)), n.usdt(equity)) : "";
            text.append(texts.get("whatif.worstCase", n.signedMoney(worst.negate()), share,
                    texts.get(resulting.isIsolated() ? "whatif.whose.isolated" : "whatif.whose.cross"))).append('\n');
            if (outcome.odds() != null) {
                text.append(texts.get("whatif.odds", InsightViews.probability(outcome.odds().probability(), texts),
                        InsightViews.volUnits(outcome.odds(), texts))).append('\n');
            }
        }
        CrossAccountRisk before = preview.before().risk().cross();
        CrossAccountRisk after = preview.after().cross();
        text.append(texts.get("whatif.crossRatio", ratio(before, texts), ratio(after, texts))).append('\n')
                .append(texts.get("whatif.available", n.usdt(before.availableBalance()),
                        n.usdt(after.availableBalance()))).append('\n')
                .append(preview.fee().signum() == 0 ? "" : texts.get("whatif.fee", n.usdt(preview.fee())) + "\n")
                .append(texts.get("whatif.toDoIt", Html.code("/" + order.side().label() + " "
                        + argumentText.substring(argumentText.indexOf(' ') + 1).trim())));
        return text.toString();
    }

    private static String ratio(CrossAccountRisk pool, Texts texts) {
        return pool.marginRatio() == null ? texts.get("insights.ratio.over100")
                : texts.numbers().percent(pool.marginRatio());
    }
}
