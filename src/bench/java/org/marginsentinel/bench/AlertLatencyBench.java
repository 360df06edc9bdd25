package org.marginsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.application.risk.RiskMonitor;

/**
 * Latency from a price response to the first warning handed to Telegram, with 100,000 open positions watched
 * (70,000 isolated, 30,000 in 10,000 cross pools, over 200 symbols; all safe, their marks wobbling ±0.3% on
 * every poll). Each sample moves one probe position into WARNING; the clock runs from the moment the poll
 * starts (so the price API's own answer time is included: an upper bound) to the moment the fake Bot API
 * receives the sendMessage for the probe. Telegram's real limits are on.
 *
 * <p>Run: {@code ./mvnw -Pbench test -Dtest=AlertLatencyBench} (see docs/BENCHMARKS.md).
 */
@QuarkusTest
@TestProfile(BenchProfiles.TelegramLimits.class)
class AlertLatencyBench {

    static final int BACKGROUND_SYMBOLS = 200;
    static final int SAMPLES = Integer.getInteger("bench.latency.samples", 200);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    RiskMonitor monitor;

    @Inject
    DataSource dataSource;

    @Test
    void priceResponseToFirstWarning() throws Exception {
        Random random = new Random(1);
        double[] base = new double[BACKGROUND_SYMBOLS];
        long userId = 9_000_000_000L;
        try (BenchData data = new BenchData(dataSource)) {
            for (int s = 0; s < BACKGROUND_SYMBOLS; s++) {
                base[s] = Math.round(Math.pow(10, random.nextDouble() * 4) * 100) / 100.0 + 0.01;
            }
            for (int u = 0; u < 17_500; u++, userId++) {
                data.account(userId, new BigDecimal("100000"));
                for (int p = 0; p < 4; p++) {
                    int s = random.nextInt(BACKGROUND_SYMBOLS);
                    data.isolated(userId, BenchData.symbol("X", s), random.nextBoolean(), quantity(1000, base[s]),
                            BigDecimal.valueOf(base[s]), 2);
                }
            }
            for (int u = 0; u < 10_000; u++, userId++) {
                data.account(userId, new BigDecimal("50000"));
                for (int p = 0; p < 3; p++) {
                    int s = random.nextInt(BACKGROUND_SYMBOLS);
                    data.cross(userId, BenchData.symbol("X", s), random.nextBoolean(), quantity(2000, base[s]),
                            BigDecimal.valueOf(base[s]), 5);
                }
            }
            // probes: 5x longs at 100, liquidation near 80.4: SAFE at 100, WARNING at 88
            for (int i = 0; i < SAMPLES; i++) {
                long probe = probeUser(i);
                data.account(probe, new BigDecimal("10000"));
                data.isolated(probe, BenchData.symbol("P", i), true, new BigDecimal("10"), new BigDecimal("100"), 5);
            }
        }
        long loadStart = System.nanoTime();
        monitor.restartFromDatabase();
        double loadMillis = (System.nanoTime() - loadStart) / 1e6;
        assertThat(monitor.watchedPositions()).isEqualTo(100_000 + SAMPLES);

        Map<String, String> marks = new HashMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            marks.put(BenchData.symbol("P", i), "100");
        }
        wobble(marks, base, random);
        serve(marks);
        feed.pollOnce(); // everything SAFE: the index settles, no warning
        Thread.sleep(500);
        int sentBefore = telegram.calls("sendmessage").size();

        double[] latencies = new double[SAMPLES];
        double[] polled = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long probe = probeUser(i);
            marks.put(BenchData.symbol("P", i), "88");
            wobble(marks, base, random);
            serve(marks);
            long start = System.nanoTime();
            feed.pollOnce();
            polled[i] = (System.nanoTime() - start) / 1e6;
            List<RecordedCall> sent = telegram.awaitCalls(
                    c -> c.method().equals("sendmessage") && c.chatId() != null && c.chatId() == probe,
                    1, Duration.ofSeconds(30));
            latencies[i] = (sent.get(0).nanoTime() - start) / 1e6;
            Thread.sleep(150); // let the sender go idle, as between two polls
        }
        long otherSends = telegram.calls("sendmessage").size() - sentBefore - SAMPLES;
        long refused = telegram.calls().stream().filter(c -> c.status() == 429).count();

        double p99 = BenchReport.percentile(latencies, 99);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "open positions watched: %,d (index loaded from the database in %s)",
                monitor.watchedPositions(), BenchReport.millis(loadMillis)));
        lines.add("samples: " + SAMPLES + " (one probe position enters WARNING per poll)");
        lines.add("price poll start -> sendMessage at the fake Bot API: p50 " + BenchReport.millis(
                BenchReport.percentile(latencies, 50)) + ", p90 " + BenchReport.millis(BenchReport.percentile(latencies, 90))
                + ", p99 " + BenchReport.millis(p99) + ", max " + BenchReport.millis(BenchReport.percentile(latencies, 100)));
        lines.add("  of which fetch + validate + tick + warning committed (pollOnce returned): p50 " + BenchReport.millis(
                BenchReport.percentile(polled, 50)) + ", p99 " + BenchReport.millis(BenchReport.percentile(polled, 99)));
        lines.add("target p99 <= 200 ms: " + BenchReport.verdict(p99 <= 200));
        lines.add("other messages sent meanwhile: " + otherSends + ", 429s: " + refused);
        BenchReport.print("Alert latency (AlertLatencyBench)", lines);
        assertThat(refused).as("429s").isZero();
    }

    private static long probeUser(int i) {
        return 8_000_000_000L + i;
    }

    private static BigDecimal quantity(double notional, double price) {
        return BigDecimal.valueOf(notional / price).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .max(new BigDecimal("0.000001"));
    }

    private static void wobble(Map<String, String> marks, double[] base, Random random) {
        for (int s = 0; s < base.length; s++) {
            double mark = base[s] * (0.997 + 0.006 * random.nextDouble());
            marks.put(BenchData.symbol("X", s), BigDecimal.valueOf(mark).setScale(6, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
    }

    private void serve(Map<String, String> marks) {
        priceApi.servesBinanceMarks(marks);
        priceApi.servesBybitMarks(marks);
    }
}
