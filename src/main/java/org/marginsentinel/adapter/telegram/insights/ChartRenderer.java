package org.marginsentinel.adapter.telegram.insights;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;

/**
 * Draws the /chart pictures with JFreeChart, off screen (headless: no display needed) into PNG bytes.
 * Stateless and thread-safe: every call builds its own chart.
 */
public final class ChartRenderer {

    static {
        // Servers have no display; make sure AWT never looks for one, whatever the launcher did.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    private static final Color MARK = new Color(0x1f, 0x5f, 0xbf);
    private static final Color ENTRY = new Color(0x55, 0x55, 0x55);
    private static final Color LIQUIDATION = new Color(0xc0, 0x10, 0x10);
    private static final Color MAINTENANCE = new Color(0xd0, 0x40, 0x20);
    private static final Color[] BANDS = {new Color(255, 60, 60, 70), new Color(255, 150, 40, 60),
            new Color(255, 220, 60, 60)};
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** A price band between two marks, shaded, with a label (e.g. "critical"). */
    public record Band(BigDecimal from, BigDecimal to, String label) {
    }

    /** A labelled price drawn across the chart (a liquidation price). */
    public record Line(BigDecimal price, String label) {
    }

    /** A point of a line. */
    public record Point(Instant at, BigDecimal value) {
    }

    private ChartRenderer() {
    }

    /**
     * The mark over time with the entry and liquidation prices as lines and the warning bands shaded (nearest to
     * liquidation first), labelled in {@code texts}. The value axis always shows the entry and the liquidation price.
     *
     * @param liquidation null when no price liquidates the position
     */
    public static byte[] positionChart(Texts texts, String title, Duration window, List<Point> marks, BigDecimal entry,
                                       BigDecimal liquidation, List<Band> bands) {
        List<Line> liquidations = liquidation == null ? List.of()
                : List.of(new Line(liquidation, texts.get("chart.label.liquidation", plain(liquidation, texts))));
        return positionChartWithLiquidations(texts, title, window, marks, entry, liquidations, bands);
    }


    /**
     * {@link #positionChart(Texts, String, Duration, List, BigDecimal, BigDecimal, List)} with several liquidation
     * prices (a watched position: the exchange's, solid, and the bot's own, dashed); the bands only with at least one.
     */
    public static byte[] positionChartWithLiquidations(Texts texts, String title, Duration window, List<Point> marks,
                                                       BigDecimal entry, List<Line> liquidations, List<Band> bands) {
        TimeSeries series = series(texts.get("chart.label.markPrice"), marks);
        XYPlot plot = plot(new TimeSeriesCollection(series), texts.get("chart.label.priceUsdt"), window, marks, texts);
        XYLineAndShapeRenderer renderer = lineRenderer(marks.size());
        renderer.setSeriesPaint(0, MARK);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        plot.setRenderer(renderer);

        double low = series.getMinY();
        double high = series.getMaxY();
        plot.addRangeMarker(line(entry, texts.get("chart.label.entry", plain(entry, texts)), ENTRY, true));
        low = Math.min(low, entry.doubleValue());
        high = Math.max(high, entry.doubleValue());
        for (int i = 0; i < liquidations.size(); i++) {
            Line liquidation = liquidations.get(i);
            plot.addRangeMarker(line(liquidation.price(), liquidation.label(), LIQUIDATION, i > 0));
            low = Math.min(low, liquidation.price().doubleValue());
            high = Math.max(high, liquidation.price().doubleValue());
        }
        if (!liquidations.isEmpty()) {
            for (int i = 0; i < bands.size(); i++) {
                Band band = bands.get(i);
                IntervalMarker shade = new IntervalMarker(Math.min(band.from().doubleValue(), band.to().doubleValue()),
                        Math.max(band.from().doubleValue(), band.to().doubleValue()));
                shade.setPaint(BANDS[Math.min(i, BANDS.length - 1)]);
                shade.setLabel(band.label());
                shade.setLabelFont(LABEL);
                shade.setLabelAnchor(RectangleAnchor.LEFT);
                shade.setLabelTextAnchor(TextAnchor.CENTER_LEFT);
                plot.addRangeMarker(shade, Layer.BACKGROUND);
                low = Math.min(low, band.from().min(band.to()).doubleValue());
                high = Math.max(high, band.from().max(band.to()).doubleValue());
            }
        }
        double pad = Math.max((high - low) * 0.06, Math.abs(high) * 0.002);
        plot.getRangeAxis().setRange(low - pad, high + pad);
        return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    /** A symbol's mark over time, without a position's lines, labelled in {@code texts}. */
    public static byte[] symbolChart(Texts texts, String title, Duration window, List<Point> marks) {
        XYPlot plot = plot(new TimeSeriesCollection(series(texts.get("chart.label.markPrice"), marks)),
                texts.get("chart.label.priceUsdt"), window, marks, texts);
        XYLineAndShapeRenderer renderer = lineRenderer(marks.size());
        renderer.setSeriesPaint(0, MARK);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        plot.setRenderer(renderer);
        return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    }

    /**
     * The cross pool's margin balance against its maintenance margin, labelled in {@code texts}: liquidation where
     * the lines meet.
     */
    public static byte[] poolChart(Texts texts, String title, Duration window, List<Point> marginBalance,
                                   List<Point> maintenance) {
        return poolChart(texts, title, null, window, marginBalance, maintenance);
    }

    /**
     * {@link #poolChart(Texts, String, Duration, List, List)} with a subtitle under the title (which part of the
     * lines is reconstructed); none when {@code subtitle} is null.
     */
    public static byte[] poolChart(Texts texts, String title, String subtitle, Duration window,
                                   List<Point> marginBalance, List<Point> maintenance) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(series(texts.get("chart.label.marginBalance"), marginBalance));
        data.addSeries(series(texts.get("chart.label.maintenance"), maintenance));
        XYPlot plot = plot(data, "USDT", window, marginBalance, texts);
        XYLineAndShapeRenderer renderer = lineRenderer(marginBalance.size());
        renderer.setSeriesPaint(0, MARK);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        renderer.setSeriesPaint(1, MAINTENANCE);
        renderer.setSeriesStroke(1, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 5f}, 0f));
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (subtitle != null) {
            chart.addSubtitle(new TextTitle(subtitle, LABEL));
        }
        return png(chart);
    }

    private static TimeSeries series(String name, List<Point> points) {
        TimeSeries series = new TimeSeries(name);
        for (Point point : points) {
            series.addOrUpdate(new Millisecond(Date.from(point.at()), TimeZone.getTimeZone("UTC"),
                    java.util.Locale.ROOT), point.value().doubleValue());
        }
        return series;
    }

    /**
     * The time axis spans the whole window the title announces, ending at the newest point, even while the points
     * cover less of it; its labels are minutes ({@code 14:30}), with the day when the window spans days.
     */
    private static XYPlot plot(TimeSeriesCollection data, String rangeLabel, Duration window, List<Point> points,
                               Texts texts) {
        DateAxis time = timeAxis(window, points.get(points.size() - 1).at(), texts);
        NumberAxis values = new NumberAxis(rangeLabel);
        values.setAutoRangeIncludesZero(false);
        writeNumbersIn(values, texts);
        XYPlot plot = new XYPlot(data, time, values, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        return plot;
    }

    /** The time axis with its title and day names in the language of {@code texts}. */
    static DateAxis timeAxis(Duration window, Instant end, Texts texts) {
        DateAxis time = new DateAxis(texts.get("chart.label.time"));
        TimeZone utc = TimeZone.getTimeZone("UTC");
        time.setTimeZone(utc);
        time.setRange(Date.from(end.minus(window)), Date.from(end));
        Locale locale = texts.language() == Language.EN ? Locale.ROOT : texts.language().locale();
        SimpleDateFormat labels = new SimpleDateFormat(window.compareTo(Duration.ofHours(36)) > 0
                ? texts.get("chart.label.dayAndTime")
                : window.compareTo(Duration.ofMinutes(10)) < 0 ? "HH:mm:ss" : "HH:mm", locale);
        labels.setTimeZone(utc);
        time.setDateFormatOverride(labels);
        return time;
    }

    /** The value axis' numbers with the language's separators ("101 000" in Russian); English keeps the default. */
    public static void writeNumbersIn(NumberAxis axis, Texts texts) {
        if (texts.language() != Language.EN) {
            axis.setNumberFormatOverride(NumberFormat.getNumberInstance(texts.language().locale()));
        }
    }

    private static XYLineAndShapeRenderer lineRenderer(int points) {
        // Few points: show them as dots too, or a two-point chart looks like a bare ruler line.
        return new XYLineAndShapeRenderer(true, points <= 12);
    }

    private static ValueMarker line(BigDecimal value, String label, Color color, boolean dashed) {
        ValueMarker marker = new ValueMarker(value.doubleValue());
        marker.setPaint(color);
        marker.setStroke(dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
        marker.setLabel(label);
        marker.setLabelFont(LABEL);
        marker.setLabelPaint(color);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    private static String plain(BigDecimal value, Texts texts) {
        return texts.numbers().price(value);
    }

    /** A chart as the bot's pictures are: white, anti-aliased, {@value #WIDTH}×{@value #HEIGHT} PNG bytes. */
    public static byte[] png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
