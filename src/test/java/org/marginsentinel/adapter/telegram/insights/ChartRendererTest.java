package org.marginsentinel.adapter.telegram.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;

class ChartRendererTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Instant START = Instant.parse("2031-01-01T00:00:00Z");

    private static List<ChartRenderer.Point> line(double from, double step, int points) {
        List<ChartRenderer.Point> line = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            line.add(new ChartRenderer.Point(START.plus(Duration.ofMinutes(i)), BigDecimal.valueOf(from + i * step)));
        }
        return line;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void positionChart_isAPngOfTheAgreedSize_withTheBandsShaded() throws IOException {
        List<ChartRenderer.Band> bands = List.of(
                new ChartRenderer.Band(new BigDecimal("77584"), new BigDecimal("79167"), "critical ≤ 2.00%"),
                new ChartRenderer.Band(new BigDecimal("79167"), new BigDecimal("81668"), "danger ≤ 5.00%"),
                new ChartRenderer.Band(new BigDecimal("81668"), new BigDecimal("86205"), "warning ≤ 10.00%"));

        BufferedImage image = decode(ChartRenderer.positionChart(EN, "#1 BTCUSDT LONG 20x", Duration.ofHours(6), line(81_341, 15, 120),
                new BigDecimal("81341.2"), new BigDecimal("77584.48"), bands));

        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
        assertThat(distinctColours(image)).as("lines, bands and labels, not a blank picture").isGreaterThan(20);
    }

    @Test
    void poolChart_andAChartWithoutLiquidationPrice_renderToo() throws IOException {
        assertThat(decode(ChartRenderer.poolChart(EN, "Cross pool", Duration.ofHours(2), line(9_800, -3, 60), line(120, 0.1, 60))).getWidth())
                .isEqualTo(ChartRenderer.WIDTH);
        assertThat(decode(ChartRenderer.positionChart(EN, "#2 ETHUSDT LONG 1x", Duration.ofHours(1), line(2_600, 1, 2), new BigDecimal("2600"),
                null, List.of())).getHeight()).isEqualTo(ChartRenderer.HEIGHT);
    }

    @Test
    void theTimeAxis_spansTheWholeWindowOfTheTitle_withMinuteLabels_evenForAMinuteOfPoints() {
        Instant end = Instant.parse("2026-12-04T15:07:00.500Z");

        DateAxis sixHours = ChartRenderer.timeAxis(Duration.ofHours(6), end, EN);

        assertThat(sixHours.getMaximumDate().toInstant()).isEqualTo(end);
        assertThat(sixHours.getMinimumDate().toInstant()).isEqualTo(end.minus(Duration.ofHours(6)));
        assertThat(sixHours.getDateFormatOverride().format(java.util.Date.from(end))).isEqualTo("15:07");
        assertThat(ChartRenderer.timeAxis(Duration.ofDays(3), end, EN).getDateFormatOverride()
                .format(java.util.Date.from(end))).isEqualTo("4 Dec 15:07");
    }

    @Test
    void inRussian_theAxesSpeakRussian_withRussianMonthsAndNumberGroups() throws IOException {
        Texts ru = Texts.of(Language.RU);
        Instant end = Instant.parse("2026-12-04T15:07:00.500Z");

        DateAxis threeDays = ChartRenderer.timeAxis(Duration.ofDays(3), end, ru);
        NumberAxis values = new NumberAxis();
        ChartRenderer.writeNumbersIn(values, ru);

        assertThat(threeDays.getLabel()).isEqualTo("Время (UTC)");
        assertThat(threeDays.getDateFormatOverride().format(java.util.Date.from(end))).isEqualTo("4 дек. 15:07");
        assertThat(values.getNumberFormatOverride().format(101_000)).isEqualTo("101\u00A0000");
        assertThat(decode(ChartRenderer.poolChart(ru, "Кросс-пул", Duration.ofHours(2), line(9_800, -3, 60),
                line(120, 0.1, 60))).getWidth()).isEqualTo(ChartRenderer.WIDTH);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
