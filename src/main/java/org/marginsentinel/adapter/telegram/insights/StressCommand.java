package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.adapter.telegram.watch.WatchedSections;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.insight.PoolStress;
import org.marginsentinel.domain.insight.PositionStress;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.paper.TradingFees;

/**
 * {@code /stress -15}, {@code /stress +10 ETH}, {@code /stress BTC -20}: every position and the cross pool at shocked
 * marks (what is liquidated, what is lost), then the largest move each survives. Changes nothing.
 */
@ApplicationScoped
public class StressCommand implements ChatCommand {

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
        return CommandTable.STRESS;
    }

    @Override
    public BotReply handle(CommandContext context) {
        Shock shock = parse(context.args());
        // Watched real accounts are nobody else's business: shown in private chats only, after the paper account.
        String watched = watchedSections.stress(context, shock);
        Texts texts = context.texts();
        Optional<String> nothingOnPaper = watched.isEmpty() ? Optional.empty()
                : paperPart.nothingBecause(context.userId(), shock.symbol(), texts);
        String paper = nothingOnPaper.isEmpty() ? render(insights.stress(context.userId(), shock), fees, texts)
                : title(shock, texts) + "\n" + texts.get("insights.paperAccount", nothingOnPaper.get());
        return BotReply.html(paper + watched);
    }

    static Shock parse(List<String> args) {
        if (args.isEmpty()) {
            throw CommandRejected.text("refusals.stress.how.refused");
        }
        if (args.size() > 2) {
            throw CommandRejected.text("refusals.stress.tooMany.refused");
        }
        String move = null;
        String symbol = null;
        for (String arg : args) {
            if (arg.startsWith("-") || arg.startsWith("+") || arg.startsWith("−")) {
                if (move != null) {
                    throw CommandRejected.text("refusals.stress.moveTwice.refused");
                }
                move = arg;
            } else if (Character.isDigit(arg.charAt(0))) {
                throw CommandRejected.text("refusals.stress.direction.refused", Text.shorten(arg, 25));
            } else {
                if (symbol != null) {
                    throw CommandRejected.text("refusals.stress.symbolTwice.refused");
                }
                symbol = Arguments.symbol(arg);
            }
        }
        if (move == null) {
            throw CommandRejected.text("refusals.stress.noMove.refused");
        }
        boolean fall = !move.startsWith("+");
        String digits = move.substring(1);
        if (digits.endsWith("%")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        BigDecimal percent = Arguments.positiveNumber(digits, NumberName.MOVE);
        if (fall && percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw CommandRejected.text("refusals.stress.fallTooFar.refused");
        }
        if (!fall && percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw CommandRejected.text("refusals.stress.riseTooFar.refused");
        }
        BigDecimal fraction = percent.movePointLeft(2);
        return new Shock(fall ? fraction.negate() : fraction, symbol);
    }

    /**
     * The taker fee of closing, at the shocked marks, every position the shock leaves open (as /whatif counts the
     * fee of its fill). A liquidated position pays no taker fee here: its loss is already the whole margin.
     */
    static BigDecimal closingFee(StressReport report, TradingFees fees) {
        BigDecimal fee = BigDecimal.ZERO;
        for (PositionStress stress : report.positions()) {
            boolean liquidated = stress.position().isIsolated() ? stress.liquidated() : report.pool().liquidated();
            if (!liquidated) {
                fee = fee.add(fees.taker(stress.position().quantity(), stress.markAfter()));
            }
        }
        return fee;
    }

    static String render(RiskInsights.StressOutcome outcome, TradingFees fees, Texts texts) {
        Numbers n = texts.numbers();
        StressReport report = outcome.report();
        Shock shock = report.shock();
        StringBuilder text = new StringBuilder(title(shock, texts)).append('\n');
        for (PositionStress stress : report.positions()) {
            StoredPosition stored = outcome.snapshot().positions().stream()
                    .filter(p -> p.position().id().equals(stress.position().id())).findFirst().orElseThrow();
            Position position = stress.position();
            String symbol = position.symbol();
            Object[] head = {String.valueOf(stored.number()), escape(symbol), texts.side(position.side()),
                    texts.get("insights.mode." + position.marginMode().label()), String.valueOf(position.leverage())};
            text.append('\n');
            if (!stress.shocked()) {
                text.append(texts.get("stress.position.notMoved", head)).append('\n');
                continue;
            }
            text.append(texts.get("stress.position.moved", head[0], head[1], head[2], head[3], head[4],
                    n.price(symbol, stress.markBefore()), n.price(symbol, stress.markAfter()),
                    n.signedMoney(stress.pnlChange()))).append('\n');
            if (position.isIsolated()) {
                text.append("  ").append(stress.liquidated()
                        ? texts.get("stress.liquidated", n.signedMoney(stress.loss().negate()),
                        n.usdt(position.isolatedMargin()))
                        : texts.get("stress.survives")).append('\n');
                text.append("  ").append(stress.survives()
                        .map(move -> texts.get("stress.survivesUpTo", n.percent(move)))
                        .orElse(texts.get("stress.noPriceLiquidates"))).append('\n');
            }
        }
        PoolStress pool = report.pool();
        if (pool.hasPositions()) {
            String direction = shock.isFall() ? "fall" : "rise";
            text.append('\n').append(texts.get("stress.pool", n.usdt(pool.marginBalanceBefore()),
                    n.usdt(pool.marginBalanceAfter()))).append('\n');
            text.append("  ").append(pool.liquidated() ? texts.get("stress.pool.liquidated", n.usdt(pool.walletLost()))
                    : texts.get("stress.pool.survives", n.percent(pool.marginRatioAfter()))).append('\n');
            String inWhat = shock.symbol() == null ? ".everyMark" : ".symbol";
            text.append("  ").append(pool.survives()
                    .map(move -> texts.get("stress.pool." + direction + inWhat, n.percent(move), escape(shock.symbol())))
                    .orElse(texts.get(shock.isFall() ? "stress.pool.noFall" : "stress.pool.noRise"))).append('\n');
        }
        text.append('\n').append(texts.get("stress.total", n.signedMoney(report.loss().negate()),
                n.usdt(report.equityBefore()), n.usdt(report.equityAfter())));
        BigDecimal closingFee = closingFee(report, fees);
        if (closingFee.signum() > 0) {
            text.append('\n').append(texts.get("stress.closingFee", n.usdt(closingFee),
                    n.usdt(report.equityAfter().subtract(closingFee))));
        }
        long liquidations = report.liquidations();
        text.append('\n').append(liquidations == 0 ? texts.get("stress.noLiquidation")
                : texts.get(liquidations == 1 ? "stress.liquidations.one" : "stress.liquidations.many",
                n.count(liquidations)));
        if (!outcome.snapshot().symbolsWithoutMark().isEmpty()) {
            text.append('\n').append(texts.get("stress.noFreshMark", escape(String.join(", ",
                    outcome.snapshot().symbolsWithoutMark().stream().sorted().toList()))));
        }
        return text.append('\n').append(texts.get("stress.footer")).toString();
    }

    /** "🧪 Stress test: every mark −15.00%", bold. */
    static String title(Shock shock, Texts texts) {
        String move = texts.numbers().signedPercent(shock.move());
        return shock.symbol() == null ? texts.get("stress.title.everyMark", move)
                : texts.get("stress.title.symbol", escape(shock.symbol()), move);
    }
}
