package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.fake.HyperliquidInfoFake;
import org.marginsentinel.adapter.prices.fake.InjectHyperliquid;
import org.marginsentinel.adapter.prices.fake.PriceFixtures;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Issue 13 end to end: {@code /chart watch 1 BTC} draws the BTC position of the user's watched Hyperliquid account
 * with its mark history (the exchange's minute candles here: nobody's samples reach back), its entry and both
 * liquidation prices; an account that is not the user's cannot be named.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class WatchedChartE2ETest {

    private static final String ADDRESS = "0x5B5d51203A0f9079f8AEB098A6523A13F298C060";
    private static final Instant START = Instant.parse("2032-07-09T10:00:00Z");

    @InjectConversation
    Conversation chat;

    @InjectHyperliquid
    HyperliquidInfoFake hyperliquid;

    private long owner;
    private long stranger;

    @BeforeEach
    void setUp() {
        hyperliquid.reset();
        chat.beginAt(START);
        owner = chat.newTrader();
        stranger = chat.newTrader();
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    @Test
    void chartOfAWatchedPosition_drawsItsMarkWithEntryAndBothLiquidationPrices_forItsWatcherOnly() throws IOException {
        hyperliquid.servesAccount(ADDRESS, PriceFixtures.read("hyperliquid-clearinghouseState.json"));
        assertThat(chat.say(owner, "/watch hl " + ADDRESS)).contains("Now watching 0x5b5d…c060");
        List<String> closes = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            closes.add(String.valueOf(81_000 + minute % 9 * 20));
        }
        chat.priceApi().servesBinanceMinuteKlines("BTCUSDT", chat.clock().instant(), closes);

        chat.telegram().userSays(owner, "/chart watch 1 btc 2h");

        FakeTelegram.PhotoUpload photo = chat.telegram().awaitPhotoTo(owner);
        assertThat(photo.png()).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.data()))).isNotNull();
        assertThat(photo.caption()).contains("Hyperliquid #1 BTC LONG").contains("(real account, watched)")
                .contains("entry 79,850")
                .contains("Liquidation <b>59,005.27</b>: Hyperliquid and the bot agree")
                .contains("the BTCUSDT mark");

        assertThat(chat.say(owner, "/chart watch 1 SOL")).contains("Your watched account #1 holds no SOL position")
                .contains("BTC, ETH, kPEPE");
        assertThat(chat.say(owner, "/chart watch 2 BTC")).contains("You have no watched account #2");
        assertThat(chat.say(stranger, "/chart watch 1 BTC")).as("the owner's #1 is not the stranger's")
                .contains("You watch no accounts");
        assertThat(chat.say(owner, "/chart watch BTC")).contains("/chart watch <n> <coin>");
        assertThat(chat.say(owner, "/unwatch 1")).contains("Stopped watching 0x5b5d…c060");
    }
}
