package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.fake.HyperliquidInfoFake;
import org.marginsentinel.adapter.prices.fake.InjectHyperliquid;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.WatchPolling;
import org.marginsentinel.testsupport.TestClock;

/**
 * Issue 13 end to end: a real Hyperliquid account watched through the real REST client against the fake
 * {@code /info} server, and the real TelegramBots client against the fake Bot API. The scheduler is off in tests,
 * so the test runs its steps ({@link WatchPolling#tick}) with a frozen clock.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class WatchHyperliquidE2ETest {

    /** Checksummed (mixed case), as wallets show it. */
    private static final String ADDRESS = "0x5B5d51203A0f9079f8AEB098A6523A13F298C060";
    private static final String EMPTY_ADDRESS = "0x00000000000000000000000000000000000000a1";
    private static final Instant START = Instant.parse("2032-03-01T10:00:00Z");

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectHyperliquid
    HyperliquidInfoFake hyperliquid;

    @Inject
    WatchPolling polling;

    @Inject
    WatchList watchList;

    @Inject
    TestClock clock;

    private long user;

    @BeforeEach
    void setUp() {
        hyperliquid.reset();
        clock.freezeAt(START);
        user = telegram.newUser();
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void watch_secondOpinion_warning_restart_liquidation_outage_unwatch() {
        hyperliquid.servesAccount(ADDRESS, PriceFixtures.read("hyperliquid-clearinghouseState.json"));

        assertThat(say("/watch hl 0x123")).contains("not a Hyperliquid address").contains("Nothing was stored");
        assertThat(say("/watch hl " + EMPTY_ADDRESS)).contains("no open perp positions").contains("Nothing was stored");
        assertThat(say("/watch")).contains("You watch no Hyperliquid accounts");

        String watched = say("/watch hl " + ADDRESS);
        assertThat(watched).contains("Now watching 0x5b5d…c060").contains("only you see them")
                .contains("BTC LONG").contains("ETH SHORT").contains("kPEPE LONG");
        assertThat(watched.lines().filter(line -> line.contains("✓ agree")).count())
                .as("Hyperliquid's liquidation price and the bot's agree for BTC (cross) and ETH (isolated)")
                .isEqualTo(2);
        assertThat(watched).contains("Liq.: none (Hyperliquid and the bot's recomputation agree");
        assertThat(say("/watch hl " + ADDRESS.toLowerCase())).contains("already watch 0x5b5d…c060 as #1");
        assertThat(say("/positions")).contains("real account, watched read-only").contains("ETH SHORT");
        assertThat(say("/risk")).contains("Hyperliquid #1 0x5b5d…c060").contains("ETH SHORT isolated")
                .contains("Cross: margin ratio");
        assertThat(say("/watch")).contains("#1 0x5b5d…c060 · 3 position(s) · data 0 s old");
        assertThat(say("/stress -10")).contains("Paper account: none yet")
                .contains("Hyperliquid #1 0x5b5d…c060 (real)").contains("ETH SHORT isolated 5x")
                .contains("Cross: margin balance");
        assertThat(say("/compare")).contains("Hyperliquid #1 0x5b5d…c060 (real)").contains("🔒 isolated (");
        assertThat(say("/whatif long ETH 0.5 5x")).contains("What if: LONG ETHUSDT").contains("Paper account: none yet")
                .contains("The same order there at Hyperliquid's").contains("SHORT 1 ETH");
        // The same sections in Russian: the watched account's words, sides and modes too.
        say("/lang ru");
        assertThat(say("/risk")).contains("ETH ШОРТ изолированная").doesNotContain("SHORT");
        assertThat(say("/stress -10")).contains("Hyperliquid #1 0x5b5d…c060 (реальный)")
                .contains("ETH ШОРТ изолированная 5x").contains("Кросс: баланс маржи").doesNotContain("SHORT");
        assertThat(say("/whatif long ETH 0.5 5x")).contains("Та же заявка там по марке Hyperliquid")
                .contains("ШОРТ 1 ETH").doesNotContain("The same order");
        say("/lang en");

        // The ETH mark rises to 0.8% under the short's liquidation price (3,176.47): CRITICAL, as for paper.
        hyperliquid.servesMarks(Map.of("ETH", "3150"));
        tickAfter(Duration.ofSeconds(11));
        SentMessage critical = telegram.awaitReplyTo(user);
        assertThat(critical.plainText()).contains("CRITICAL · ETH SHORT").contains("Hyperliquid #1 0x5b5d…c060 (real account")
                .contains("USDC margin on Hyperliquid").contains("clears your warning level")
                .contains("The bot only watches");
        assertThat(critical.buttonUrl("Add")).isEqualTo("https://app.hyperliquid.xyz/trade/ETH");

        // A restart (memory rebuilt from the database) does not repeat the warning.
        watchList.loadAll();
        tickAfter(Duration.ofSeconds(11));
        assertThat(say("/watch")).as("the next message is the reply, not a repeated warning")
                .contains("#1 0x5b5d…c060");

        // The mark goes past the liquidation price, and the position is gone from the next answer.
        hyperliquid.servesMarks(Map.of("ETH", "3200"));
        hyperliquid.servesAccount(ADDRESS, HyperliquidInfoFake.threePositionsWithout("ETH", "1201.05"));
        tickAfter(Duration.ofSeconds(11));
        // The past-liquidation warning and the liquidation come as two messages, or as one digest when both wait.
        String first = telegram.awaitReplyTo(user).plainText();
        String liquidation = first.contains("LIQUIDATED · ETH SHORT") ? first : telegram.awaitReplyTo(user).plainText();
        assertThat(liquidation).contains("LIQUIDATED · ETH SHORT 1.5").contains("Account value fell by 898.95");

        // No data for 2 minutes is told once, and its end once. Safe again, the account is polled every 3 minutes
        // until a poll fails, then every 45 s: the 4th failed poll is more than 2 minutes after the first.
        hyperliquid.failsAccount(ADDRESS, 429, "");
        for (int i = 0; i < 9; i++) {
            tickAfter(Duration.ofSeconds(50));
        }
        SentMessage outage = telegram.awaitReplyTo(user);
        assertThat(outage.plainText()).contains("No data from Hyperliquid").contains("HTTP 429");
        hyperliquid.servesAccount(ADDRESS, HyperliquidInfoFake.threePositionsWithout("ETH", "1201.05"));
        tickAfter(Duration.ofSeconds(50));
        assertThat(telegram.awaitReplyTo(user).plainText()).as("told once: the next message is the end of it")
                .contains("coming in again");

        assertThat(say("/unwatch 1")).contains("Stopped watching 0x5b5d…c060");
        assertThat(say("/watch")).contains("You watch no Hyperliquid accounts");
    }

    @Test
    void inAGroup_watchCommandsAreRefused_andShowNoAddress() {
        long group = telegram.newGroup();

        telegram.userSaysInGroup(user, group, "/watch@" + FakeTelegram.BOT_USERNAME + " hl " + ADDRESS);

        String reply = telegram.awaitReplyTo(group).plainText();
        assertThat(reply).contains("private chat").doesNotContain("0x5b5d").doesNotContain("5B5d");
    }

    @Test
    void a422FromHyperliquid_storesNothing() {
        hyperliquid.failsAccount(ADDRESS, 422, PriceFixtures.read("hyperliquid-422.txt"));

        assertThat(say("/watch hl " + ADDRESS)).contains("Hyperliquid refused that address (HTTP 422")
                .contains("Nothing was stored");
        assertThat(say("/watch")).contains("You watch no Hyperliquid accounts");
    }

    private String say(String text) {
        telegram.userSays(user, text);
        return telegram.awaitReplyTo(user).plainText();
    }

    private void tickAfter(Duration duration) {
        polling.tick(clock.advance(duration));
    }
}
