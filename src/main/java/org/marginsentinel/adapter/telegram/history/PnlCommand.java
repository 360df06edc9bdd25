package org.marginsentinel.adapter.telegram.history;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.history.DayPnl;
import org.marginsentinel.application.history.PnlByDay;
import org.marginsentinel.application.history.PnlPeriod;
import org.marginsentinel.application.history.TradingRecord;

/** {@code /pnl [day|week|month]}: what trading did to the wallet per UTC day, the totals, and a bar chart. */
@ApplicationScoped
public class PnlCommand implements ChatCommand {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.ROOT);

    @Inject
    TradingRecord record;

    @Override
    public CommandSpec spec() {
        return CommandTable.PNL;
    }

    @Override
    public BotReply handle(CommandContext context) {
        PnlPeriod period = context.args().isEmpty() ? PnlPeriod.WEEK
                : context.args().size() == 1 ? PnlPeriod.parse(context.args().get(0)).orElse(null) : null;
        if (period == null) {
            throw new CommandRejected("Say day, week or month (or nothing, for the last 7 days).");
        }
        PnlByDay pnl = record.pnl(context.userId(), period);
        String heading = "PnL, " + period.label() + " (UTC days)";
        if (pnl.quiet()) {
            return BotReply.html(bold(heading) + "\nNothing booked: no realised PnL, fees, funding or liquidations. "
                    + "Deposits and withdrawals are not counted.");
        }
        return BotReply.photo(PnlChart.render(heading, pnl), caption(heading, pnl));
    }

    /** Totals first, then the days with something booked, latest first, as many as a caption holds. */
    static String caption(String heading, PnlByDay pnl) {
        DayPnl total = pnl.total();
        String head = "📊 " + bold(heading) + "\n" + bold("Net " + Fmt.signedMoney(total.net()) + " USDT") + " = PnL "
                + Fmt.signedMoney(total.realizedPnl()) + " · fees " + Fmt.signedMoney(total.fees()) + " · funding "
                + Fmt.signedMoney(total.funding()) + " · liquidations " + Fmt.signedMoney(total.liquidations());
        List<DayPnl> active = new ArrayList<>(pnl.days().stream().filter(d -> !d.quiet()).toList());
        java.util.Collections.reverse(active);
        StringBuilder text = new StringBuilder(head);
        int shown = 0;
        for (DayPnl day : active) {
            String line = "\n" + DAY.format(day.day()) + ": " + bold(Fmt.signedMoney(day.net())) + " (PnL "
                    + Fmt.signedMoney(day.realizedPnl()) + ", fees " + Fmt.signedMoney(day.fees())
                    + (day.funding().signum() == 0 ? "" : ", funding " + Fmt.signedMoney(day.funding()))
                    + (day.liquidations().signum() == 0 ? "" : ", liq. " + Fmt.signedMoney(day.liquidations())) + ")";
            if (text.length() + line.length() > BotReply.CAPTION_LIMIT - 60) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < active.size()) {
            text.append("\n… and ").append(active.size() - shown).append(" earlier days: see the chart.");
        }
        return text.toString();
    }
}
