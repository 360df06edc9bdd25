package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

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
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.command.Arguments;
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
        Optional<String> nothingOnPaper = watched.isEmpty() ? Optional.empty()
                : paperPart.nothingBecause(context.userId(), shock.symbol());
        String paper = nothingOnPaper.isEmpty() ? render(insights.stress(context.userId(), shock), fees)
                : bold("🧪 Stress test: " + (shock.symbol() == null ? "every mark " : shock.symbol() + " ")
                + Fmt.signedPercent(shock.move())) + "\nPaper account: " + nothingOnPaper.get();
        return BotReply.html(paper + watched);
    }

    static Shock parse(List<String> args) {
        if (args.isEmpty()) {
            throw new CommandRejected("Give a move like -15 (a 15% fall) or +10, and optionally a symbol.");
        }
        if (args.size() > 2) {
            throw new CommandRejected("Give one move and at most one symbol, like /stress BTC -20.");
        }
        String move = null;
        String symbol = null;
        for (String arg : args) {
            if (arg.startsWith("-") || arg.startsWith("+") || arg.startsWith("−")) {
                if (move != null) {
                    throw new CommandRejected("Give the move only once.");
                }
                move = arg;
            } else if (Character.isDigit(arg.charAt(0))) {
                throw new CommandRejected("Say which way the marks move: -" + Arguments.quote(arg).replace("\"", "")
                        + " for a fall, +" + Arguments.quote(arg).replace("\"", "") + " for a rise.");
            } else {
                if (symbol != null) {
                    throw new CommandRejected("Give at most one symbol.");
                }
                symbol = Arguments.symbol(arg);
            }
        }
        if (move == null) {
            throw new CommandRejected("Give the move, like -15 for a 15% fall.");
        }
        boolean fall = !move.startsWith("+");
        String digits = move.substring(1);
        if (digits.endsWith("%")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        BigDecimal percent = Arguments.positiveNumber(digits, "move");
        if (fall && percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new CommandRejected("A price can fall by less than 100%.");
        }
        if (!fall && percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new CommandRejected("Stress a rise of at most +1000%.");
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

    static String render(RiskInsights.StressOutcome outcome, TradingFees fees) {
        StressReport report = outcome.report();
        Shock shock = report.shock();
        String direction = shock.isFall() ? "fall" : "rise";
        StringBuilder text = new StringBuilder(bold("🧪 Stress test: " + (shock.symbol() == null ? "every mark "
                : shock.symbol() + " ") + Fmt.signedPercent(shock.move()))).append('\n');
        for (PositionStress stress : report.positions()) {
            StoredPosition stored = outcome.snapshot().positions().stream()
                    .filter(p -> p.position().id().equals(stress.position().id())).findFirst().orElseThrow();
            Position position = stress.position();
            text.append("\n#").append(stored.number()).append(' ').append(bold(position.symbol() + " "
                    + position.side().name())).append(' ').append(position.marginMode().label()).append(' ')
                    .append(position.leverage()).append("x · ");
            if (!stress.shocked()) {
                text.append("not moved\n");
                continue;
            }
            text.append(Fmt.price(stress.markBefore())).append(" → ").append(Fmt.price(stress.markAfter()))
                    .append(" · PnL ").append(Fmt.signedMoney(stress.pnlChange())).append(" USDT\n");
            if (position.isIsolated()) {
                if (stress.liquidated()) {
                    text.append("  ⛔ liquidated: ").append(Fmt.signedMoney(stress.loss().negate()))
                            .append(" USDT (its whole ").append(Fmt.usdt(position.isolatedMargin())).append(" margin)\n");
                } else {
                    text.append("  ✅ survives\n");
                }
                text.append("  ").append(stress.survives().map(move -> "Survives up to " + Fmt.percent(move)
                        + " against it").orElse("No price liquidates it")).append('\n');
            }
        }
        PoolStress pool = report.pool();
        if (pool.hasPositions()) {
            text.append('\n').append(bold("Cross pool")).append(": margin balance ")
                    .append(Fmt.usdt(pool.marginBalanceBefore())).append(" → ").append(Fmt.usdt(pool.marginBalanceAfter()))
                    .append('\n');
            if (pool.liquidated()) {
                text.append("  ⛔ liquidated: every cross position closes and the whole cross wallet goes, ")
                        .append(Fmt.usdt(pool.walletLost())).append('\n');
            } else {
                text.append("  ✅ survives (margin ratio ").append(Fmt.percent(pool.marginRatioAfter()))
                        .append(", liquidation at 100%)\n");
            }
            text.append("  ").append(pool.survives().map(move -> "Survives a " + direction + " of up to "
                    + Fmt.percent(move) + (shock.symbol() == null ? " in every mark" : " in " + shock.symbol()))
                    .orElse("No " + direction + " liquidates it")).append('\n');
        }
        text.append('\n').append(bold("Total " + Fmt.signedMoney(report.loss().negate()) + " USDT"))
                .append(" · equity ").append(Fmt.usdt(report.equityBefore())).append(" → ")
                .append(Fmt.usdt(report.equityAfter()));
        BigDecimal closingFee = closingFee(report, fees);
        if (closingFee.signum() > 0) {
            text.append("\nTaker fee to close what is left at these marks: ").append(Fmt.usdt(closingFee))
                    .append(" · equity then ").append(Fmt.usdt(report.equityAfter().subtract(closingFee)));
        }
        long liquidations = report.liquidations();
        text.append(liquidations == 0 ? "\nNothing would be liquidated." : "\n" + liquidations
                + (liquidations == 1 ? " liquidation." : " liquidations."));
        if (!outcome.snapshot().symbolsWithoutMark().isEmpty()) {
            text.append('\n').append(Html.escape("ℹ️ No fresh mark for " + String.join(", ",
                    outcome.snapshot().symbolsWithoutMark().stream().sorted().toList()) + ": stressed from its entry."));
        }
        return text.append("\n<i>A what-if at today's marks: nothing was changed.</i>").toString();
    }
}
