package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.FundingOutlook;
import org.marginsentinel.adapter.telegram.views.InsightViews;
import org.marginsentinel.adapter.telegram.watch.WatchViews;
import org.marginsentinel.application.insight.AccountInsights;
import org.marginsentinel.application.insight.PositionInsight;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;

/** The account at a glance: the cross pool, then every isolated position, most endangered first. */
@ApplicationScoped
public class RiskCommand implements ChatCommand {

    private static final Comparator<PositionRisk> MOST_ENDANGERED_FIRST = Comparator.comparing(
            PositionRisk::distanceToLiquidation, Comparator.nullsLast(Comparator.naturalOrder()));

    @Inject
    RiskInsights insights;

    @Inject
    WatchViews watched;

    @Inject
    PaperAccountStore accounts;

    @Inject
    FundingOutlook funding;

    @Override
    public CommandSpec spec() {
        return CommandTable.RISK;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (!context.args().isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.command.noArguments.refused", "risk"));
        }
        // Watched real accounts: their own section, in private chats only (see WatchViews).
        String real = context.privateChat() ? watched.riskSection(context.userId()) : "";
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        if (!real.isEmpty() && accounts.find(context.userId()).isEmpty()) {
            return BotReply.html(texts.get("risk.title") + "\n\n" + real.strip());
        }
        AccountInsights view = insights.insights(context.userId());
        AccountSnapshot snapshot = view.snapshot();
        StringBuilder text = new StringBuilder(texts.get("risk.title")).append("\n\n").append(real);
        Map<Long, FundingOutlook.View> fundings = funding.of(snapshot);
        List<StoredPosition> cross = snapshot.positions().stream().filter(p -> !p.position().isIsolated()).toList();
        CrossAccountRisk pool = snapshot.risk().cross();
        text.append(texts.get("risk.crossPool")).append('\n');
        if (cross.isEmpty()) {
            text.append(texts.get("risk.noCross", n.usdt(pool.availableBalance()))).append('\n');
        } else {
            text.append(texts.get("risk.poolMargin", n.usdt(pool.marginBalance()), n.usdt(pool.maintenanceMargin())))
                    .append('\n')
                    .append(texts.get("risk.poolRatio", pool.marginRatio() == null ? texts.get("risk.ratioOver100")
                            : n.percent(pool.marginRatio()), n.usdt(pool.availableBalance()))).append('\n')
                    .append(TradingViews.verdict(view.poolLevel(), texts)).append('\n');
            appendLine(text, "", InsightViews.poolDistanceLine(view.poolDistance(), texts));
            for (StoredPosition position : cross) {
                PositionRisk risk = snapshot.riskOf(position);
                text.append(bullet(position, risk, texts)).append('\n');
                appendLine(text, "  ", InsightViews.oddsLine(view.of(position), texts));
                appendLine(text, "  ", TradingViews.fundingLine(fundings.get(position.id()), risk.position().symbol(),
                        texts));
            }
            if (view.poolSurvival() != null) {
                text.append(InsightViews.survivalLine(view.poolSurvival(), 0, texts)).append('\n');
            }
        }
        List<PositionRisk> isolated = snapshot.risk().positions().stream().filter(r -> r.position().isIsolated())
                .sorted(MOST_ENDANGERED_FIRST).toList();
        text.append('\n').append(texts.get("risk.isolatedPositions")).append('\n');
        if (isolated.isEmpty()) {
            text.append(texts.get("risk.none")).append('\n');
        }
        for (PositionRisk risk : isolated) {
            StoredPosition position = snapshot.positions().stream()
                    .filter(p -> p.position().id().equals(risk.position().id())).findFirst().orElseThrow();
            text.append(bullet(position, risk, texts)).append("\n  ")
                    .append(TradingViews.verdict(TradingViews.level(risk), texts)).append('\n');
            PositionInsight insight = view.of(position);
            appendLine(text, "  ", InsightViews.oddsLine(insight, texts));
            appendLine(text, "  ", TradingViews.fundingLine(fundings.get(position.id()), risk.position().symbol(),
                    texts));
            if (insight.survival() != null) {
                appendLine(text, "  ", InsightViews.survivalLine(insight.survival(), position.number(), texts));
            }
        }
        BigDecimal equity = snapshot.risk().equity();
        text.append('\n').append(texts.get("risk.equity", n.usdt(equity))).append(TradingViews.staleNote(snapshot, texts))
                .append(InsightViews.volatilityNote(view, texts));
        return BotReply.html(text.toString());
    }

    /** "• #2 ETHUSDT SHORT · Liq. 2,900.00 · 9.80% away". */
    private static String bullet(StoredPosition position, PositionRisk risk, Texts texts) {
        return "• #" + position.number() + " " + risk.position().symbol() + " "
                + TradingViews.side(risk.position(), texts) + " · " + TradingViews.liquidationLine(risk, texts);
    }

    private static void appendLine(StringBuilder text, String indent, String line) {
        if (!line.isEmpty()) {
            text.append(indent).append(line).append('\n');
        }
    }
}
