package org.marginsentinel.application.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;

/** The chart's own samples completed with the exchange's candles only where they do not reach back. */
class ChartBackfillTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofHours(2));

    private final RecordingChartStore store = new RecordingChartStore();
    private final List<String> asked = new ArrayList<>();

    @Test
    void aChartWithoutSamples_isDrawnFromTheCandles_andTheCandlesAreKept() {
        ChartBackfill backfill = backfill(minuteCandles(FROM, 120));

        List<MarkSample> marks = backfill.complete("SOLUSDT", List.of(), FROM, NOW);

        assertThat(marks).hasSize(120).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(asked).containsExactly("SOLUSDT");
        history.flush();
        assertThat(store.savedMarks).hasSize(120);
    }

    @Test
    void samplesReachingBackToTheStart_askTheExchangeForNothing() {
        ChartBackfill backfill = backfill(minuteCandles(FROM, 120));
        List<MarkSample> sampled = List.of(mark(FROM.plusSeconds(60)), mark(NOW));

        assertThat(backfill.complete("SOLUSDT", sampled, FROM, NOW)).isEqualTo(sampled);
        assertThat(asked).isEmpty();
    }

    @Test
    void candlesFillOnlyTheGapBeforeTheFirstSample() {
        Instant firstSampled = NOW.minus(Duration.ofMinutes(10));
        ChartBackfill backfill = backfill(minuteCandles(FROM.plusSeconds(60), 120));

        List<MarkSample> marks = backfill.complete("SOLUSDT", List.of(mark(firstSampled)), FROM, NOW);

        assertThat(marks).last().isEqualTo(mark(firstSampled));
        assertThat(marks.subList(0, marks.size() - 1)).allMatch(m -> m.at().isBefore(firstSampled)).hasSize(109);
    }

    @Test
    void noCandlesFromAnyExchange_leaveTheSamplesAsTheyAre_andKeepNothing() {
        ChartBackfill backfill = backfill(List.of());
        List<MarkSample> sampled = List.of(mark(NOW.minusSeconds(30)));

        assertThat(backfill.complete("SOLUSDT", sampled, FROM, NOW)).isEqualTo(sampled);
        history.flush();
        assertThat(store.savedMarks).isEmpty();
    }

    private ChartHistory history;

    private ChartBackfill backfill(List<MarkSample> candles) {
        history = new ChartHistory();
        history.store = store;
        return new ChartBackfill((symbol, from, now) -> {
            asked.add(symbol);
            return candles;
        }, history, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    private static List<MarkSample> minuteCandles(Instant first, int count) {
        List<MarkSample> candles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candles.add(new MarkSample("SOLUSDT", first.plus(Duration.ofMinutes(i)), BigDecimal.valueOf(110 + i)));
        }
        return candles;
    }

    private static MarkSample mark(Instant at) {
        return new MarkSample("SOLUSDT", at, new BigDecimal("112.43"));
    }
}
