package org.marginsentinel.adapter.telegram.history;

import java.awt.Color;
import java.awt.Font;
import java.time.format.DateTimeFormatter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.insights.ChartRenderer;
import org.marginsentinel.application.history.DayPnl;
import org.marginsentinel.application.history.PnlByDay;

/**
 * The /pnl picture: per UTC day, stacked bars of realised PnL, fees, funding and liquidations (gains above zero,
 * costs below), in the style of the /chart pictures (white, light grid, 900×500 PNG, headless). Stateless.
 */
final class PnlChart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color PNL = new Color(0x1f, 0x5f, 0xbf);
    private static final Color FEES = new Color(0x88, 0x88, 0x88);
    private static final Color FUNDING = new Color(0xd0, 0x90, 0x20);
    private static final Color LIQUIDATIONS = new Color(0xc0, 0x10, 0x10);

    private PnlChart() {
    }

    static byte[] render(String title, PnlByDay pnl, Texts texts) {
        DateTimeFormatter dayFormat = PnlCommand.dates("pnl.chart.day.pattern", texts);
        String realised = texts.get("pnl.chart.realised");
        String fees = texts.get("pnl.chart.fees");
        String funding = texts.get("pnl.chart.funding");
        String liquidations = texts.get("pnl.chart.liquidations");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DayPnl day : pnl.days()) {
            String label = dayFormat.format(day.day());
            data.addValue(day.realizedPnl().doubleValue(), realised, label);
            data.addValue(day.fees().doubleValue(), fees, label);
            data.addValue(day.funding().doubleValue(), funding, label);
            data.addValue(day.liquidations().doubleValue(), liquidations, label);
        }
        CategoryAxis days = new CategoryAxis(texts.get("pnl.chart.days"));
        if (pnl.days().size() > 10) {
            days.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis usdt = new NumberAxis("USDT");
        ChartRenderer.writeNumbersIn(usdt, texts);
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, PNL);
        bars.setSeriesPaint(1, FEES);
        bars.setSeriesPaint(2, FUNDING);
        bars.setSeriesPaint(3, LIQUIDATIONS);
        bars.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(data, days, usdt, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(Color.DARK_GRAY);
        plot.addRangeMarker(zero);
        return ChartRenderer.png(new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true));
    }
}
