package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.adapter.config.InsightsConfig;
import org.marginsentinel.application.insight.PoolCharts;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.application.insight.SymbolCharts;
import org.marginsentinel.application.watch.WatchedCharts;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.WarningBands;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * {@code /chart 1 [12h]}: a PNG of the position's mark over the last hours with its entry, liquidation price and
 * warning bands; {@code /chart pool}: the cross pool's margin balance against its maintenance margin;
 * {@code /chart watch 1 BTC}: a position of the user's watched account #1 with both liquidation prices.
 */
@ApplicationScoped
public class ChartCommand implements ChatCommand {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(6);
    private static final Pattern HOURS = Pattern.compile("(?i)(\\d{1,3})h");

    @Inject
    RiskInsights insights;

    @Inject
    SymbolCharts symbolCharts;

    @Inject
    PoolCharts poolCharts;

    @Inject
    InsightsConfig config;

    @Inject
    WatchedCharts watchedCharts;

    @Override
    public CommandSpec spec() {
        return CommandTable.CHART;
    }

    @Override
    public BotReply handle(CommandContext context) {
        List<String> args = context.args();
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("watch")) {
            return watched(context, args);
        }
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandRejected(context.texts().get("refusals.chart.how.refused"));
        }
        Duration window = args.size() == 2 ? window(args.get(1)) : DEFAULT_WINDOW;
        Texts texts = context.texts();
        if (args.get(0).equalsIgnoreCase("pool")) {
            return pool(poolCharts.chart(context.userId(), window), texts);
        }
        Optional<SymbolCharts.SymbolChart> unheld = symbolCharts.ofUnheldSymbol(context.userId(), args.get(0), window);
        return unheld.isPresent() ? symbol(unheld.get(), texts)
                : position(insights.positionChart(context.userId(), args.get(0), window), texts);
    }

    /** {@code /chart watch <n> <coin> [<hours>h]}: a position of the user's own watched account number n. */
    private BotReply watched(CommandContext context, List<String> args) {
        if (args.size() < 3 || args.size() > 4 || !args.get(1).matches("#?\\d{1,3}")) {
            throw CommandRejected.text("chart.watched.usage.refused");
        }
        Duration window = args.size() == 4 ? window(args.get(3)) : DEFAULT_WINDOW;
        int number = Integer.parseInt(args.get(1).replace("#", ""));
        return WatchedChartReply.of(watchedCharts.chart(context.userId(), number, args.get(2), window),
                context.texts());
    }

    private static BotReply symbol(SymbolCharts.SymbolChart chart, Texts texts) {
        if (chart.marks().size() < 2) {
            throw CommandRejected.text("refusals.chart.noHistoryOfSymbol.refused");
        }
        List<ChartRenderer.Point> points = chart.marks().stream()
                .map(mark -> new ChartRenderer.Point(mark.at(), mark.markPrice())).toList();
        byte[] png = ChartRenderer.symbolChart(texts, texts.get("chart.symbol.title", chart.symbol(),
                hours(chart.window(), texts)), chart.window(), points);
        return BotReply.photo(png, texts.get("chart.symbol.caption", escape(chart.symbol()),
                texts.numbers().price(chart.symbol(), chart.mark().price())));
    }

    private Duration window(String token) {
        Matcher matcher = HOURS.matcher(token);
        long most = Math.max(1, config.historyRetention().toHours());
        if (!matcher.matches()) {
            throw CommandRejected.text("refusals.chart.span.refused");
        }
        long hours = Long.parseLong(matcher.group(1));
        if (hours < 1 || hours > most) {
            throw CommandRejected.text("refusals.chart.spanRange.refused", String.valueOf(most));
        }
        return Duration.ofHours(hours);
    }

    private static BotReply position(RiskInsights.PositionChart chart, Texts texts) {
        if (chart.marks().size() < 2) {
            throw CommandRejected.text("refusals.chart.noHistoryOfPosition.refused");
        }
        Position position = chart.position().position();
        PositionRisk risk = chart.risk();
        List<ChartRenderer.Point> points = new ArrayList<>();
        for (MarkSample mark : chart.marks()) {
            points.add(new ChartRenderer.Point(mark.at(), mark.markPrice()));
        }
        List<ChartRenderer.Band> bands = new ArrayList<>();
        BigDecimal liquidation = risk.liquidationPrice();
        if (liquidation != null && position.isIsolated()) {
            RiskThresholds t = chart.thresholds();
            BigDecimal critical = WarningBands.markAtDistance(position.side(), liquidation, t.isolatedCritical());
            BigDecimal danger = WarningBands.markAtDistance(position.side(), liquidation, t.isolatedDanger());
            BigDecimal warning = WarningBands.markAtDistance(position.side(), liquidation, t.isolatedWarning());
            Numbers n = texts.numbers();
            bands.add(new ChartRenderer.Band(liquidation, critical,
                    texts.get("chart.band.critical", n.percent(t.isolatedCritical()))));
            bands.add(new ChartRenderer.Band(critical, danger,
                    texts.get("chart.band.danger", n.percent(t.isolatedDanger()))));
            bands.add(new ChartRenderer.Band(danger, warning,
                    texts.get("chart.band.warning", n.percent(t.isolatedWarning()))));
        }
        String symbol = position.symbol();
        String number = String.valueOf(chart.position().number());
        String mode = texts.get("insights.mode." + position.marginMode().label());
        String title = texts.get("chart.position.title", number, symbol, texts.side(position.side()),
                String.valueOf(position.leverage()), mode, hours(chart.window(), texts));
        byte[] png = ChartRenderer.positionChart(texts, title, chart.window(), points, position.entryPrice(),
                liquidation, bands);
        StringBuilder caption = new StringBuilder(texts.get("chart.position.caption", number, escape(symbol),
                texts.side(position.side()), texts.numbers().price(symbol, risk.markPrice()),
                texts.numbers().price(symbol, position.entryPrice()))).append('\n');
        if (liquidation == null) {
            caption.append(texts.get("chart.noLiquidation"));
        } else {
            caption.append(texts.get(position.isIsolated() ? "chart.liquidation.isolated" : "chart.liquidation.cross",
                    texts.numbers().price(symbol, liquidation), texts.numbers().percent(risk.distanceToLiquidation())));
        }
        return BotReply.photo(png, caption.toString());
    }

    private static BotReply pool(PoolCharts.PoolChart chart, Texts texts) {
        if (chart.samples().size() < 2) {
            throw CommandRejected.text("refusals.chart.noHistoryOfPool.refused");
        }
        List<ChartRenderer.Point> balance = new ArrayList<>();
        List<ChartRenderer.Point> maintenance = new ArrayList<>();
        for (PoolSample sample : chart.samples()) {
            balance.add(new ChartRenderer.Point(sample.at(), sample.marginBalance()));
            maintenance.add(new ChartRenderer.Point(sample.at(), sample.maintenanceMargin()));
        }
        Numbers n = texts.numbers();
        String since = chart.reconstructedSince() == null ? null : n.dayAndTime(chart.reconstructedSince());
        byte[] png = ChartRenderer.poolChart(texts, texts.get("chart.pool.title", hours(chart.window(), texts)),
                since == null ? null : texts.get("chart.pool.reconstructed", since), chart.window(), balance,
                maintenance);
        CrossAccountRisk now = chart.now();
        StringBuilder caption = new StringBuilder(texts.get("chart.pool.caption", n.usdt(now.marginBalance()),
                n.usdt(now.maintenanceMargin()),
                now.marginRatio() == null ? texts.get("insights.ratio.over100") : n.percent(now.marginRatio())));
        if (since != null) {
            caption.append('\n').append(texts.get("chart.pool.reconstructedNote", since));
            if (chart.samples().get(0).at().isBefore(chart.reconstructedSince())) {
                caption.append(' ').append(texts.get("chart.pool.sampledBefore"));
            }
        }
        return BotReply.photo(png, caption.toString());
    }

    private static String hours(Duration window, Texts texts) {
        return texts.get("chart.hours", String.valueOf(window.toHours()));
    }
}
