package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.adapter.telegram.watch.WatchedSections;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.paper.TradingFees;

/** {@code /compare}: the user's positions under isolated and under cross, side by side, with a one-line lesson. */
@ApplicationScoped
public class CompareCommand implements ChatCommand {

    @Inject
    RiskInsights insights;

    @Inject
    TradingFees fees;

    @Inject
    WatchedSections watchedSections;

    @Inject
    PaperPart paperPart;

    @Override
    public CommandSpec spec() {
        return CommandTable.COMPARE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (!context.args().isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.command.noArguments.refused", "compare"));
        }
        String watched = watchedSections.compare(context);
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        Optional<String> nothingOnPaper = watched.isEmpty() ? Optional.empty()
                : paperPart.nothingBecause(context.userId(), null, texts);
        if (nothingOnPaper.isPresent()) {
            return BotReply.html(texts.get("compare.title") + "\n" + texts.get("insights.paperAccount",
                    nothingOnPaper.get()) + watched);
        }
        RiskInsights.ComparisonOutcome outcome = insights.compare(context.userId());
        ModeComparison comparison = outcome.comparison();
        StringBuilder text = new StringBuilder(texts.get("compare.title")).append('\n');
        ModeComparison.Row widest = null;
        for (ModeComparison.Row row : comparison.rows()) {
            StoredPosition stored = outcome.snapshot().positions().stream()
                    .filter(p -> p.position().id().equals(row.position().id())).findFirst().orElseThrow();
            String symbol = row.position().symbol();
            text.append('\n').append(texts.get("compare.row", String.valueOf(stored.number()), escape(symbol),
                            texts.side(row.position().side()), n.quantity(symbol, row.position().quantity()),
                            String.valueOf(row.position().leverage()),
                            texts.get("insights.mode." + row.position().marginMode().label()),
                            n.price(symbol, row.markPrice()))).append('\n')
                    .append("  ").append(texts.get("compare.isolated", n.usdt(row.isolatedMargin()),
                            liquidation(symbol, row.liquidationIsolated(), row.distanceIsolated(), texts))).append('\n')
                    .append("  ").append(texts.get("compare.cross",
                            liquidation(symbol, row.liquidationCross(), row.distanceCross(), texts))).append('\n');
            if (widest == null || gain(row).compareTo(gain(widest)) > 0) {
                widest = row;
            }
        }
        text.append('\n').append(texts.get("compare.worstCase", n.signedMoney(comparison.isolatedWorstCase().negate()),
                n.signedMoney(comparison.crossWorstCase().negate()))).append('\n');
        if (comparison.isolatedUnaffordable()) {
            text.append(texts.get("compare.unaffordable", n.usdt(comparison.isolatedWorstCase()),
                    n.usdt(comparison.walletBalance()))).append('\n');
        }
        BigDecimal closingFee = closingFee(comparison, fees);
        if (closingFee.signum() > 0) {
            text.append(texts.get("compare.closingFee", n.usdt(closingFee))).append('\n');
        }
        text.append("\n💡 ").append(lesson(widest, comparison, texts)).append(watched);
        return BotReply.html(text.toString());
    }

    /** The taker fee of closing every compared position at its mark (as /whatif counts its fill's fee). */
    static BigDecimal closingFee(ModeComparison comparison, TradingFees fees) {
        return comparison.rows().stream().map(row -> fees.taker(row.position().quantity(), row.markPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String liquidation(String symbol, BigDecimal price, BigDecimal distance, Texts texts) {
        if (price == null) {
            return texts.get("compare.noLiquidation");
        }
        return texts.get("compare.liquidation", texts.numbers().price(symbol, price),
                texts.numbers().percent(distance));
    }

    /** How much further away cross puts the liquidation, as a fraction of the mark (1 when cross removes it). */
    private static BigDecimal gain(ModeComparison.Row row) {
        BigDecimal isolated = row.distanceIsolated() == null ? BigDecimal.ONE : row.distanceIsolated();
        BigDecimal cross = row.distanceCross() == null ? BigDecimal.ONE : row.distanceCross();
        return cross.subtract(isolated);
    }

    private static String lesson(ModeComparison.Row row, ModeComparison comparison, Texts texts) {
        Numbers n = texts.numbers();
        String symbol = escape(row.position().symbol());
        String room;
        if (row.liquidationCross() == null) {
            room = texts.get("compare.lesson.crossRemoves", symbol);
        } else if (row.liquidationIsolated() == null) {
            room = texts.get("compare.lesson.isolatedOut");
        } else {
            room = texts.get("compare.lesson.moves", symbol, n.percent(row.distanceIsolated()),
                    n.percent(row.distanceCross()));
        }
        return texts.get("compare.lesson", room, n.usdt(comparison.crossWorstCase()),
                n.usdt(comparison.isolatedWorstCase()));
    }
}
