package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Fmt;
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
            throw new CommandRejected("/compare takes no arguments.");
        }
        String watched = watchedSections.compare(context);
        Optional<String> nothingOnPaper = watched.isEmpty() ? Optional.empty()
                : paperPart.nothingBecause(context.userId(), null);
        if (nothingOnPaper.isPresent()) {
            return BotReply.html(bold("⚖️ Isolated vs cross, at today's marks") + "\nPaper account: "
                    + nothingOnPaper.get() + watched);
        }
        RiskInsights.ComparisonOutcome outcome = insights.compare(context.userId());
        ModeComparison comparison = outcome.comparison();
        StringBuilder text = new StringBuilder(bold("⚖️ Isolated vs cross, at today's marks")).append('\n');
        ModeComparison.Row widest = null;
        for (ModeComparison.Row row : comparison.rows()) {
            StoredPosition stored = outcome.snapshot().positions().stream()
                    .filter(p -> p.position().id().equals(row.position().id())).findFirst().orElseThrow();
            text.append("\n#").append(stored.number()).append(' ').append(bold(row.position().symbol() + " "
                    + row.position().side().name())).append(' ').append(Fmt.quantity(row.position().quantity()))
                    .append(' ').append(row.position().leverage()).append("x · now ")
                    .append(row.position().marginMode().label()).append(" · mark ").append(Fmt.price(row.markPrice()))
                    .append('\n')
                    .append("  🔒 isolated (").append(Fmt.usdt(row.isolatedMargin())).append(" margin): ")
                    .append(liquidation(row.liquidationIsolated(), row.distanceIsolated())).append('\n')
                    .append("  🌊 cross (whole wallet): ").append(liquidation(row.liquidationCross(), row.distanceCross()))
                    .append(" (if other marks stay)\n");
            if (widest == null || gain(row).compareTo(gain(widest)) > 0) {
                widest = row;
            }
        }
        text.append('\n').append(bold("Worst case")).append(": isolated ")
                .append(Fmt.signedMoney(comparison.isolatedWorstCase().negate())).append(" USDT (each position loses at most "
                        + "its margin) · cross ").append(Fmt.signedMoney(comparison.crossWorstCase().negate()))
                .append(" USDT (the whole wallet)\n");
        if (comparison.isolatedUnaffordable()) {
            text.append("ℹ️ Held isolated, these positions would need ").append(Fmt.usdt(comparison.isolatedWorstCase()))
                    .append(" of margin: more than your ").append(Fmt.usdt(comparison.walletBalance())).append(" wallet.\n");
        }
        BigDecimal closingFee = closingFee(comparison, fees);
        if (closingFee.signum() > 0) {
            text.append("Taker fee to close them at today's marks: ").append(Fmt.usdt(closingFee))
                    .append(", the same in either mode\n");
        }
        text.append("\n💡 ").append(lesson(widest, comparison)).append(watched);
        return BotReply.html(text.toString());
    }

    /** The taker fee of closing every compared position at its mark (as /whatif counts its fill's fee). */
    static BigDecimal closingFee(ModeComparison comparison, TradingFees fees) {
        return comparison.rows().stream().map(row -> fees.taker(row.position().quantity(), row.markPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String liquidation(BigDecimal price, BigDecimal distance) {
        if (price == null) {
            return "no liquidation price";
        }
        return "liq. " + Fmt.price(price) + " · " + Fmt.percent(distance) + " away";
    }

    /** How much further away cross puts the liquidation, as a fraction of the mark (1 when cross removes it). */
    private static BigDecimal gain(ModeComparison.Row row) {
        BigDecimal isolated = row.distanceIsolated() == null ? BigDecimal.ONE : row.distanceIsolated();
        BigDecimal cross = row.distanceCross() == null ? BigDecimal.ONE : row.distanceCross();
        return cross.subtract(isolated);
    }

    private static String lesson(ModeComparison.Row row, ModeComparison comparison) {
        String room;
        if (row.liquidationCross() == null) {
            room = "Cross takes away " + row.position().symbol() + "'s liquidation price entirely";
        } else if (row.liquidationIsolated() == null) {
            room = "Here isolated is already out of reach of liquidation";
        } else {
            room = "Cross moves " + row.position().symbol() + "'s liquidation from " + Fmt.percent(row.distanceIsolated())
                    + " to " + Fmt.percent(row.distanceCross()) + " away";
        }
        return room + ", but one liquidation then takes " + Fmt.usdt(comparison.crossWorstCase()) + " instead of at most "
                + Fmt.usdt(comparison.isolatedWorstCase()) + ": cross buys room, isolated caps the loss.";
    }
}
