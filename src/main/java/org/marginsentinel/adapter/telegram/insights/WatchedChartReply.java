package org.marginsentinel.adapter.telegram.insights;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.watch.WatchedCharts;
import org.marginsentinel.domain.watch.SecondOpinion;

/**
 * {@code /chart watch <n> <coin>}'s picture and caption: the mark with the entry and both liquidation prices, the
 * exchange's (solid) and the bot's own (dashed), one line when they agree. Pure.
 */
final class WatchedChartReply {

    private WatchedChartReply() {
    }

    static BotReply of(WatchedCharts.WatchedChart chart, Texts texts) {
        if (chart.marks().size() < 2) {
            throw CommandRejected.text("chart.watched.notEnough.refused", chart.feedSymbol());
        }
        Numbers numbers = texts.numbers();
        List<ChartRenderer.Point> points = new ArrayList<>();
        for (MarkSample mark : chart.marks()) {
            points.add(new ChartRenderer.Point(mark.at(), mark.markPrice()));
        }
        SecondOpinion opinion = chart.opinion();
        List<ChartRenderer.Line> lines = new ArrayList<>();
        if (opinion.agrees() && opinion.exchange() != null) {
            lines.add(new ChartRenderer.Line(opinion.exchange(),
                    texts.get("chart.watched.lineBoth", plain(opinion.exchange()), chart.venue())));
        } else {
            if (opinion.exchange() != null) {
                lines.add(new ChartRenderer.Line(opinion.exchange(),
                        texts.get("chart.watched.lineExchange", chart.venue(), plain(opinion.exchange()))));
            }
            if (opinion.own() != null) {
                lines.add(new ChartRenderer.Line(opinion.own(), texts.get("chart.watched.lineBot", plain(opinion.own()))));
            }
        }
        String title = texts.get("chart.watched.title", chart.venue(), String.valueOf(chart.number()), chart.coin(),
                texts.side(chart.side()), String.valueOf(chart.leverage()), texts.get("position.mode." + chart.mode().name()),
                String.valueOf(chart.window().toHours()));
        byte[] png = ChartRenderer.positionChartWithLiquidations(texts, title, chart.window(), points, chart.entry(),
                lines, List.of());

        StringBuilder caption = new StringBuilder(texts.get("chart.watched.caption", chart.venue(),
                String.valueOf(chart.number()), Html.escape(chart.coin()), texts.side(chart.side()),
                numbers.price(chart.mark()), numbers.price(chart.entry()))).append('\n');
        if (opinion.agrees()) {
            caption.append(texts.get("chart.watched.liquidationsAgree", price(texts, opinion.exchange()),
                    chart.venue()));
        } else {
            caption.append(texts.get("chart.watched.liquidations", chart.venue(), price(texts, opinion.exchange()),
                    price(texts, opinion.own())));
        }
        if (chart.distance() != null && chart.distance().signum() > 0) {
            caption.append('\n').append(texts.get("chart.watched.distance", numbers.percent(chart.distance())));
        }
        caption.append('\n').append(texts.get("chart.watched.history", chart.feedSymbol(), chart.venue()));
        return BotReply.photo(png, caption.toString());
    }

    private static String price(Texts texts, BigDecimal price) {
        return price == null ? texts.get("chart.watched.none") : texts.numbers().price(price);
    }

    private static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }
}
