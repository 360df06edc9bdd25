package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

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
import org.marginsentinel.adapter.telegram.format.Fmt;
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
            throw new CommandRejected("/risk takes no arguments.");
        }
        // Watched real accounts: their own section, in private chats only (see WatchViews).
        String real = context.privateChat() ? watched.riskSection(context.userId()) : "";
        if (!real.isEmpty() && accounts.find(context.userId()).isEmpty()) {
            return BotReply.html(bold("🛡 Risk at a glance") + "\n\n" + real.strip());
        }
        AccountInsights view = insights.insights(context.userId());
        AccountSnapshot snapshot = view.snapshot();
        StringBuilder text = new StringBuilder(bold("🛡 Risk at a glance")).append("\n\n").append(real);
        Map<Long, FundingOutlook.View> fundings = funding.of(snapshot);
        List<StoredPosition> cross = snapshot.positions().stream().filter(p -> !p.position().isIsolated()).toList();
        CrossAccountRisk pool = snapshot.risk().cross();
        text.append(bold("Cross pool")).append('\n');
        if (cross.isEmpty()) {
            text.append("No cross positions; ").append(Fmt.usdt(pool.availableBalance())).append(" available.\n");
        } else {
            text.append("Margin balance ").append(Fmt.usdt(pool.marginBalance()))
                    .append(" · maintenance ").append(Fmt.usdt(pool.maintenanceMargin())).append('\n')
                    .append("Margin ratio ").append(pool.marginRatio() == null ? "over 100%" : Fmt.percent(pool.marginRatio()))
                    .append(" (liquidation at 100%) · available ").append(Fmt.usdt(pool.availableBalance())).append('\n')
                    .append(TradingViews.verdict(view.poolLevel())).append('\n');
            appendLine(text, "", InsightViews.poolDistanceLine(view.poolDistance()));
            for (StoredPosition position : cross) {
                PositionRisk risk = snapshot.riskOf(position);
                text.append("• #").append(position.number()).append(' ').append(position.position().symbol()).append(' ')
                        .append(position.position().side().name()).append(" · ").append(TradingViews.liquidationLine(risk))
                        .append('\n');
                appendLine(text, "  ", InsightViews.oddsLine(view.of(position)));
                appendLine(text, "  ", TradingViews.fundingLine(fundings.get(position.id())));
            }
            if (view.poolSurvival() != null) {
                text.append(InsightViews.survivalLine(view.poolSurvival(), 0)).append('\n');
            }
        }
        List<PositionRisk> isolated = snapshot.risk().positions().stream().filter(r -> r.position().isIsolated())
                .sorted(MOST_ENDANGERED_FIRST).toList();
        text.append('\n').append(bold("Isolated positions")).append('\n');
        if (isolated.isEmpty()) {
            text.append("None.\n");
        }
        for (PositionRisk risk : isolated) {
            StoredPosition position = snapshot.positions().stream()
                    .filter(p -> p.position().id().equals(risk.position().id())).findFirst().orElseThrow();
            text.append("• #").append(position.number()).append(' ').append(risk.position().symbol()).append(' ')
                    .append(risk.position().side().name()).append(" · ").append(TradingViews.liquidationLine(risk))
                    .append("\n  ").append(TradingViews.verdict(TradingViews.level(risk))).append('\n');
            PositionInsight insight = view.of(position);
            appendLine(text, "  ", InsightViews.oddsLine(insight));
            appendLine(text, "  ", TradingViews.fundingLine(fundings.get(position.id())));
            if (insight.survival() != null) {
                appendLine(text, "  ", InsightViews.survivalLine(insight.survival(), position.number()));
            }
        }
        BigDecimal equity = snapshot.risk().equity();
        text.append("\nEquity ").append(Fmt.usdt(equity)).append(TradingViews.staleNote(snapshot))
                .append(InsightViews.volatilityNote(view));
        return BotReply.html(text.toString());
    }

    private static void appendLine(StringBuilder text, String indent, String line) {
        if (!line.isEmpty()) {
            text.append(indent).append(line).append('\n');
        }
    }
}
