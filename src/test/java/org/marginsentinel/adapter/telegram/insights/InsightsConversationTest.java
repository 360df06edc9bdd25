package org.marginsentinel.adapter.telegram.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.prices.volatility.VolatilityCache;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.application.insight.ChartHistory;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * The insight commands as a trader uses them, through the real TelegramBots client and the fake Bot API, with
 * marks and hourly candles from the fake exchanges. BTCUSDT is at 81,341.20; candles that zigzag by
 * ±σ/√24 every hour give a realised daily volatility of exactly σ.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class InsightsConversationTest {

    @InjectConversation
    Conversation chat;

    private static final Instant START = Instant.parse("2031-06-01T00:00:00Z");
    private static final Pattern ODDS = Pattern.compile("24 h odds of liquidation ([0-9.]+)%");

    @Inject
    VolatilityCache volatilities;

    @Inject
    ChartHistory history;

    @Inject
    EntityManager em;

    private long trader;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        volatilities.reset();
        marks("81341.20", "2641.53");
        trader = chat.newTrader();
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void marks(String btc, String eth) {
        chat.marks(Map.of("BTCUSDT", btc, "ETHUSDT", eth, "SOLUSDT", "112.43"));
    }

    private void btcVolatility(double daily) {
        chat.priceApi().servesBinanceKlines("BTCUSDT", PriceApiFake.closesWithDailyVolatility(81_000, daily, 168));
    }

    private String say(String text) {
        return chat.say(trader, text);
    }

    private static double odds(String text) {
        Matcher matcher = ODDS.matcher(text);
        assertThat(matcher.find()).as("odds in: %s", text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    // ---- odds of liquidation in /risk and /positions ----

    @Test
    void risk_showsOddsInDailySigmas_andTheMarginThatSurvivesTheLikelyMove() {
        btcVolatility(0.05);
        say("/long BTC 0.1 20x");

        String risk = say("/risk");

        // liquidation 77,584.48: ln(81,341.20 / 77,584.48) = 0.04729 = 0.95 daily σ; 2·N(−0.9457) = 34.43%
        assertThat(risk).contains("24 h odds of liquidation 34.43% · 0.9 daily σ away (σ 5.00%/day)")
                .contains("To survive the move with a 5% chance within 24 h (9.33% against you): add");
        String advised = risk.replaceAll("(?s).*\\(/margin 1 add (\\d+)\\).*", "$1");

        assertThat(say("/margin 1 add " + advised)).contains("Margin");
        String after = say("/risk");
        assertThat(odds(after)).as("following the advice brings the odds to 5% or less").isLessThanOrEqualTo(5.0)
                .isGreaterThan(4.5);
        assertThat(after).doesNotContain("To survive the move");
    }

    @Test
    void positions_showTheOdds_andTheCandlesAreFetchedOncePerSymbol() {
        btcVolatility(0.05);
        say("/long BTC 0.1 20x");

        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.1").contains("24 h odds of liquidation 34.43%");
        assertThat(say("/risk")).contains("34.43%");
        assertThat(chat.priceApi().binanceKlineRequestCount("BTCUSDT")).isEqualTo(1);
    }

    @Test
    void scheduledRefresh_fetchesHeldSymbolsOncePerInterval_notPerPositionOrTick() {
        btcVolatility(0.05);
        say("/long BTC 0.1 20x");
        long other = chat.newTrader();
        chat.say(other, "/long BTC 0.2 10x");

        volatilities.refreshAll();
        marks("81300.00", "2641.53");
        marks("81200.00", "2641.53");
        volatilities.refreshAll();
        assertThat(chat.priceApi().binanceKlineRequestCount("BTCUSDT")).as("two holders, two ticks: one fetch")
                .isEqualTo(1);

        chat.clock().advance(Duration.ofMinutes(61));
        volatilities.refreshAll();
        assertThat(chat.priceApi().binanceKlineRequestCount("BTCUSDT")).as("an hour later: one refresh").isEqualTo(2);
        assertThat(volatilities.cached("BTCUSDT")).hasValueSatisfying(v ->
                assertThat(v.daily()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-9)));
    }

    @Test
    void binanceWithoutCandles_bybitsAreUsed_andWithoutAnyTheBotSaysSo() {
        say("/long BTC 0.1 20x");
        assertThat(say("/positions")).doesNotContain("odds of liquidation")
                .contains("No volatility for BTCUSDT right now");

        volatilities.reset();
        chat.priceApi().binanceKlinesFailWith(451, "binance-451.json");
        chat.priceApi().servesBybitKlines("BTCUSDT", PriceApiFake.closesWithDailyVolatility(81_000, 0.05, 168));
        assertThat(say("/positions")).contains("24 h odds of liquidation 34.43%");
    }

    // ---- /stress ----

    @Test
    void stress_tenPercentFall_liquidatesTheIsolatedLong_andSaysWhatItSurvives() {
        say("/long BTC 0.1 20x");

        String stress = say("/stress -10");

        // 81,341.20 × 0.9 = 73,207.08, under the 77,584.48 liquidation: the 406.71 USDT margin is gone
        assertThat(stress).contains("Stress test: every mark −10.00%")
                .contains("#1 BTCUSDT LONG isolated 20x · 81,341.20 → 73,207.08")
                .contains("⛔ liquidated: −406.71 USDT (its whole 406.71 USDT margin)")
                .contains("Survives up to 4.62% against it")
                .contains("Total −406.71 USDT · equity 10,000.00 USDT → 9,593.29 USDT").contains("1 liquidation.");
        assertThat(say("/stress BTC -3")).contains("PnL −244.02 USDT").contains("✅ survives")
                .contains("Nothing would be liquidated.");
        assertThat(say("/balance")).contains("Wallet: 10,000.00 USDT").contains("Margin in use: 406.71 USDT");
    }

    @Test
    void stress_crossPool_survivableRise_isTheDistanceToTheCrossLiquidationPrice() {
        say("/short ETH 2 10x cross");
        String risk = say("/risk");
        String distance = risk.replaceAll("(?s).*Liq\\. [0-9,.]+ · ([0-9.]+%) away \\(if other marks stay\\).*", "$1");

        String stress = say("/stress +20 ETH");

        // 2,641.53 × 1.2 = 3,169.84: the short loses 2 × 528.31 = 1,056.61 of the 10,000 pool
        assertThat(stress).contains("Stress test: ETHUSDT +20.00%").contains("PnL −1,056.61 USDT")
                .contains("margin balance 10,000.00 USDT → 8,943.39 USDT").contains("✅ survives")
                .contains("Survives a rise of up to " + distance + " in ETHUSDT");
        assertThat(say("/stress ETH -50")).contains("No fall liquidates it");
    }

    @Test
    void stress_badArguments_getAClearErrorAndChangeNothing() {
        say("/long BTC 0.1 20x");

        assertThat(say("/stress 15")).contains("Say which way the marks move: -15 for a fall, +15 for a rise.")
                .contains("Usage: /stress <±percent> [symbol]");
        assertThat(say("/stress -100")).contains("less than 100%");
        assertThat(say("/stress -1e3")).contains("not a valid move");
        assertThat(say("/stress DOGE -10")).contains("You hold no DOGEUSDT position");
        assertThat(say("/stress -10 BTC ETH")).contains("at most one symbol");
        assertThat(say("/stress")).contains("Usage: /stress");
        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.1").contains("Margin 406.71 USDT");
    }

    // ---- /whatif ----

    @Test
    void whatIf_showsTheLiquidationAndWorstCase_andOpensNothing() {
        String isolated = say("/whatif long BTC 0.1 20x");

        assertThat(isolated).contains("What if: LONG BTCUSDT at 81,341.20 (nothing opened)")
                .contains("Liquidation price: 77,584.48 (4.62% away)")
                .contains("Worst case: −406.71 USDT = 4.07% of your 10,000.00 USDT equity (its isolated margin)")
                .contains("Cross margin ratio: 0.00% → 0.00%").contains("Available: 10,000.00 USDT → 9,593.29 USDT")
                .contains("To do it: /long BTC 0.1 20x");

        String cross = say("/whatif long BTC 1 20x cross");
        assertThat(cross).contains("if other marks stay")
                .contains("Worst case: −10,000.00 USDT = 100.00% of your 10,000.00 USDT equity (the whole cross wallet)")
                .containsPattern("Cross margin ratio: 0\\.00% → [1-9][0-9.]*%");
        assertThat(say("/positions")).contains("no open positions");
        assertThat(say("/balance")).contains("Available: 10,000.00 USDT");
    }

    @Test
    void whatIf_refusedOrders_areRefusedLikeTheRealOne_andBadArgumentsExplained() {
        assertThat(say("/whatif long BTC 10 2x")).contains("Not enough available balance");
        assertThat(say("/whatif buy BTC 1.0.0")).contains("is not a valid size");
        assertThat(say("/whatif hold BTC 1")).contains("Start with long or short");
        assertThat(say("/whatif long BTC 0.1 20x sideways")).contains("I don't understand \"sideways\"");
        assertThat(say("/positions")).contains("no open positions");
    }

    @Test
    void whatIf_onAHeldSymbol_showsTheReduction() {
        say("/long BTC 0.1 20x");

        assertThat(say("/whatif short BTC 0.05")).contains("Closes 0.05 of #1, booking 0.00 USDT")
                .contains("Position: LONG 0.05");
        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.1 ");
    }

    // ---- /compare ----

    @Test
    void compare_putsIsolatedAndCrossSideBySide_withALesson() {
        say("/long BTC 1 20x");

        String comparison = say("/compare");

        assertThat(comparison).contains("Isolated vs cross, at today's marks")
                .contains("#1 BTCUSDT LONG 1 20x · now isolated · mark 81,341.20")
                .containsPattern("🔒 isolated \\(4,067.06 USDT margin\\): liq\\. [0-9,.]+ · [0-9.]+% away")
                .containsPattern("🌊 cross \\(whole wallet\\): liq\\. [0-9,.]+ · [0-9.]+% away \\(if other marks stay\\)")
                .contains("Worst case: isolated −4,067.06 USDT").contains("cross −10,000.00 USDT (the whole wallet)")
                .containsPattern("Cross moves BTCUSDT's liquidation from [0-9.]+% to [0-9.]+% away")
                .contains("but one liquidation then takes 10,000.00 USDT instead of at most 4,067.06 USDT: "
                        + "cross buys room, isolated caps the loss.");
        assertThat(say("/compare please")).contains("/compare takes no arguments.");
    }

    @Test
    void compare_smallPosition_crossNeedsNoLiquidationPriceAtAll() {
        say("/long BTC 0.1 20x");

        assertThat(say("/compare")).contains("🔒 isolated (406.71 USDT margin): liq. 77,584.48 · 4.62% away")
                .contains("🌊 cross (whole wallet): no liquidation price")
                .contains("Cross takes away BTCUSDT's liquidation price entirely");
    }

    @Test
    void compare_withoutPositions_saysSo() {
        assertThat(say("/compare")).contains("no open positions to compare");
    }

    // ---- odds as an alert trigger ----

    @Test
    void oddsAlert_warnsBeforeTheDistanceWould_andSaysWhy() {
        btcVolatility(0.10);
        // 0.1 BTC 5x from 80,000: liquidation 64,257.03, 19.68% away: far from the 10% WARNING distance,
        // but with σ = 10% a day its 24 h odds are 2·N(−2.19) = 2.84%
        marks("80000", "2641.53");
        say("/long BTC 0.1 5x @80000");
        assertThat(say("/alerts odds 2%")).contains("Saved").contains("odds of liquidation within 24 h reach 2.00%");
        assertThat(say("/positions")).contains("24 h odds of liquidation 2.84%");

        marks("80000", "2641.53");

        String warning = chat.awaitNotice(trader, "WARNING");
        assertThat(warning).contains("#1 BTCUSDT LONG").contains("19.68% away")
                .contains("Odds of liquidation within 24 h: 2.84% (your odds alert)");
        marks("80000", "2641.53");
        assertThat(say("/alerts odds off")).contains("Odds alert off").doesNotContain("Odds: also warn");
    }

    @Test
    void oddsAlert_badValues_areRefusedAndChangeNothing() {
        assertThat(say("/alerts odds 0%")).contains("greater than 0");
        assertThat(say("/alerts odds 95%")).contains("between 0.1% and 90%");
        assertThat(say("/alerts odds ten")).contains("as a percentage");
        assertThat(say("/alerts")).doesNotContain("Odds:");
    }

    @Test
    void learnOdds_explainsTheModel() {
        assertThat(say("/learn odds")).contains("Odds of liquidation").contains("2 × N(−d / (σ × √T))")
                .contains("reflection principle").contains("/alerts odds 10%");
    }

    // ---- /chart ----

    @Test
    void chartPosition_sendsAPngOfTheMark_withEntryLiquidationAndBands() throws IOException {
        say("/long BTC 0.1 20x");
        marks("81500.00", "2641.53");
        marks("80900.00", "2641.53");
        history.flush();

        chat.telegram().userSays(trader, "/chart 1");

        FakeTelegram.PhotoUpload photo = chat.telegram().awaitPhotoTo(trader);
        assertThat(photo.png()).isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.data()));
        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
        assertThat(photo.caption()).contains("#1 BTCUSDT LONG").contains("Liquidation <b>77,584.48</b>")
                .contains("warning, danger and critical zones");
        Eventually.until("the sent PNG is no longer kept", () -> photosKeptFor(trader) == 0);
    }

    @Test
    void chartRightAfterOpening_drawsTheLastHoursFromTheExchangesMinuteCandles_andAsksOnlyOnce() throws IOException {
        // SOL is held by no other test here, so the bot has sampled none of its marks
        say("/long SOL 10 5x");
        List<String> closes = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            closes.add(String.valueOf(110 + minute * 0.02));
        }
        chat.priceApi().servesBinanceMinuteKlines("SOLUSDT", chat.clock().instant(), closes);

        chat.telegram().userSays(trader, "/chart 1 2h");

        FakeTelegram.PhotoUpload photo = chat.telegram().awaitPhotoTo(trader);
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data()))).isNotNull();
        assertThat(photo.caption()).contains("#1 SOLUSDT LONG");
        assertThat(chat.priceApi().binanceMinuteKlineRequestCount("SOLUSDT")).isEqualTo(1);

        history.flush(); // the fetched marks are kept: the same chart again asks the exchange for nothing
        chat.telegram().userSays(trader, "/chart 1 2h");
        chat.telegram().awaitPhotoTo(trader);
        assertThat(chat.priceApi().binanceMinuteKlineRequestCount("SOLUSDT")).isEqualTo(1);
    }

    @Test
    void chartOfASymbolNotHeld_drawsItsMarkFromTheExchangesCandles() throws IOException {
        List<String> closes = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            closes.add(String.valueOf(2_600 + minute % 7));
        }
        chat.priceApi().servesBinanceMinuteKlines("ETHUSDT", chat.clock().instant(), closes);

        chat.telegram().userSays(trader, "/chart eth 2h");

        FakeTelegram.PhotoUpload photo = chat.telegram().awaitPhotoTo(trader);
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data()))).isNotNull();
        assertThat(photo.caption()).contains("<b>ETHUSDT</b> · mark 2,641.53").contains("You hold no ETHUSDT position");
    }

    private long photosKeptFor(long chatId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from telegram_outbox_photo p join telegram_outbox o on o.id = p.outbox_id"
                        + " where o.chat_id = ?1").setParameter(1, chatId).getSingleResult()).longValue());
    }

    @Test
    void chartPool_sendsThePoolsBalanceAgainstItsMaintenance() throws IOException {
        say("/short ETH 2 10x cross");
        chat.clock().advance(Duration.ofMinutes(5)); // pools are sampled every 5 minutes
        marks("81341.20", "2650.00");
        chat.clock().advance(Duration.ofMinutes(5));
        marks("81341.20", "2700.00");
        history.flush();

        chat.telegram().userSays(trader, "/chart pool 2h");

        FakeTelegram.PhotoUpload photo = chat.telegram().awaitPhotoTo(trader);
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data()))).isNotNull();
        assertThat(photo.caption()).contains("Cross pool").contains("margin balance 9,883.06 USDT") // short 2 ETH from 2,641.53 to 2,700: −116.94
                .contains("where the two lines meet");

        // an add (no fee here, so only the position's own record shows it) ends what today's positions explain:
        // from then on the pool is worked out, before it the bot's own samples are drawn
        assertThat(say("/short ETH 1 10x cross")).contains("Added");
        chat.clock().advance(Duration.ofMinutes(1));
        marks("81341.20", "2700.00");
        history.flush();
        chat.telegram().userSays(trader, "/chart pool 2h");
        assertThat(chat.telegram().awaitPhotoTo(trader).caption()).contains("margin balance 9,883.06 USDT")
                .contains("the lines are worked out from the exchange's mark candles")
                .contains("Earlier points are the bot's own 5-minute samples.");
    }

    @Test
    void chartPoolRightAfterOpening_isWorkedOutFromTheExchangesCandlesAndTheLedger() throws IOException {
        chat.clock().advance(Duration.ofHours(2)); // an account two hours old, without a cross position until now
        List<String> closes = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            closes.add(String.valueOf(2_630 + minute % 9));
        }
        chat.priceApi().servesBinanceMinuteKlines("ETHUSDT", chat.clock().instant(), closes);
        marks("81341.20", "2641.53"); // fresh marks two hours on
        say("/short ETH 2 10x cross");

        chat.telegram().userSays(trader, "/chart pool 2h"); // no pool sample of the bot's own yet

        FakeTelegram.PhotoUpload photo = chat.telegram().awaitPhotoTo(trader);
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data()))).isNotNull();
        assertThat(photo.caption()).contains("Cross pool").contains("margin balance 10,000.00 USDT") // at the entry, no fee here
                .contains("the lines are worked out from the exchange's mark candles and your ledger");
    }

    @Test
    void chart_badArgumentsAndMissingHistory_getAClearError() {
        assertThat(say("/chart")).contains("Usage: /chart <#|symbol|pool|watch <n> <coin>> [<hours>h]");
        say("/long BTC 0.1 20x");
        assertThat(say("/chart 9")).contains("You have no open position #9");
        assertThat(say("/chart 1 100h")).contains("between 1h and 24h");
        assertThat(say("/chart 1 soon")).contains("in hours, like 12h");
        assertThat(say("/chart pool")).contains("no cross positions");
        assertThat(say("/chart XYZ")).contains("no open XYZUSDT position");
    }
}
