package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.TierSourceText;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.FundingOutlook;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.application.StopOrders;
import org.marginsentinel.adapter.telegram.views.InsightViews;
import org.marginsentinel.adapter.telegram.watch.WatchViews;
import org.marginsentinel.application.insight.AccountInsights;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.TierTable;

@ApplicationScoped
public class PositionsCommand implements ChatCommand {

    @Inject
    RiskInsights insights;

    @Inject
    TierTable tiers;

    @Inject
    WatchViews watched;

    @Inject
    PaperAccountStore accounts;

    @Inject
    FundingOutlook funding;

    @Inject
    PracticeTrading practice;

    @Inject
    StopOrders stops;

    @Override
    public CommandSpec spec() {
        return CommandTable.POSITIONS;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (!context.args().isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.command.noArguments.refused", "positions"));
        }
        // Watched real accounts: their own section, in private chats only (see WatchViews).
        String real = context.privateChat() ? watched.positionsSection(context.userId()) : "";
        if (!real.isEmpty() && accounts.find(context.userId()).isEmpty()) {
            return BotReply.html(real.strip());
        }
        Texts texts = context.texts();
        AccountInsights view = insights.insights(context.userId());
        AccountSnapshot snapshot = view.snapshot();
        if (snapshot.positions().isEmpty()) {
            return BotReply.html(real + texts.get(real.isEmpty() ? "positions.none" : "positions.noPaper"));
        }
        Map<Long, FundingOutlook.View> fundings = funding.of(snapshot);
        Set<Long> practiceIds = practice.practiceIds(context.userId());
        Map<Long, List<StopOrders.StopStatus>> stopsById = stops.of(snapshot);
        StringBuilder text = new StringBuilder(real);
        for (StoredPosition position : snapshot.positions()) {
            text.append(TradingViews.position(position, snapshot.riskOf(position), texts));
            String fundingLine = TradingViews.fundingLine(fundings.get(position.id()), position.position().symbol(),
                    texts);
            text.append(fundingLine.isEmpty() ? "" : "\n" + fundingLine);
            text.append(practiceIds.contains(position.id()) ? "\n" + texts.get("positions.practice") : "");
            String stopLine = StopViews.line(stopsById.get(position.id()), texts);
            text.append(stopLine.isEmpty() ? "" : "\n" + stopLine);
            String odds = InsightViews.oddsLine(view.of(position), texts);
            text.append(odds.isEmpty() ? "" : "\n" + odds).append("\n\n");
        }
        if (view.poolDistance() != null) {
            text.append(texts.get("positions.crossPool", TradingViews.verdict(view.poolLevel(), texts))).append('\n')
                    .append(InsightViews.poolDistanceLine(view.poolDistance(), texts)).append("\n\n");
        }
        text.append(texts.get("positions.howToClose"))
                .append(TradingViews.staleNote(snapshot, texts)).append(InsightViews.volatilityNote(view, texts))
                .append(TradingViews.tierSourceNote(snapshot, symbol -> TierSourceText.of(tiers, symbol, texts), texts));
        return BotReply.html(text.toString());
    }
}
