package org.marginsentinel.adapter.telegram.history;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.history.DayPnl;
import org.marginsentinel.application.history.PnlByDay;
import org.marginsentinel.application.history.PnlPeriod;
import org.marginsentinel.application.history.TradingRecord;

/** {@code /pnl [day|week|month]}: what trading did to the wallet per UTC day, the totals, and a bar chart. */
@ApplicationScoped
public class PnlCommand implements ChatCommand {

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
            throw new CommandRejected(context.texts().get("refusals.pnl.period.refused"));
        }
        PnlByDay pnl = record.pnl(context.userId(), period);
        Texts texts = context.texts();
        String heading = heading(period, texts);
        if (pnl.quiet()) {
            return BotReply.html(texts.get("pnl.quiet", escape(heading)));
        }
        return BotReply.photo(PnlChart.render(heading, pnl, texts), caption(heading, pnl, texts));
    }

    /** "PnL, last 7 days (UTC days)": the caption's heading and the chart's title (plain text). */
    static String heading(PnlPeriod period, Texts texts) {
        return texts.get("pnl.heading", texts.get("pnl.period." + period.name().toLowerCase(Locale.ROOT)));
    }

    /** A language's way of writing a date with {@code patternKey}'s pattern ("Mon Dec 1", "пн, 1 дек."). */
    static DateTimeFormatter dates(String patternKey, Texts texts) {
        return DateTimeFormatter.ofPattern(texts.get(patternKey),
                texts.language() == Language.EN ? Locale.ROOT : texts.language().locale()).withZone(ZoneOffset.UTC);
    }

    /** Totals first, then the days with something booked, latest first, as many as a caption holds. */
    static String caption(String heading, PnlByDay pnl, Texts texts) {
        Numbers n = texts.numbers();
        DateTimeFormatter dayFormat = dates("pnl.day.pattern", texts);
        DayPnl total = pnl.total();
        String head = texts.get("pnl.total", escape(heading), n.signedMoney(total.net()),
                n.signedMoney(total.realizedPnl()), n.signedMoney(total.fees()), n.signedMoney(total.funding()),
                n.signedMoney(total.liquidations()));
        List<DayPnl> active = new ArrayList<>(pnl.days().stream().filter(d -> !d.quiet()).toList());
        java.util.Collections.reverse(active);
        StringBuilder text = new StringBuilder(head);
        int shown = 0;
        for (DayPnl day : active) {
            String line = "\n" + texts.get("pnl.day", dayFormat.format(day.day()), n.signedMoney(day.net()),
                    n.signedMoney(day.realizedPnl()), n.signedMoney(day.fees()),
                    day.funding().signum() == 0 ? "" : texts.get("pnl.day.funding", n.signedMoney(day.funding())),
                    day.liquidations().signum() == 0 ? ""
                            : texts.get("pnl.day.liquidations", n.signedMoney(day.liquidations())));
            if (text.length() + line.length() > BotReply.CAPTION_LIMIT - 60) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < active.size()) {
            text.append('\n').append(texts.get("pnl.earlier", n.count(active.size() - shown)));
        }
        return text.toString();
    }
}
