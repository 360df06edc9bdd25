package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Issue 18, end to end: a withdrawal or deposit after opening a cross position reaches the watch (the index was
 * only rebuilt after trades), and a withdrawal needing a mark the feed lost is refused.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class CashMovesKeepTheWatchE2ETest {

    private static final Instant START = Instant.parse("2031-06-01T10:00:00Z");

    @InjectConversation
    Conversation chat;

    private long trader;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        ethAt("3000");
        trader = chat.newTrader();
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void ethAt(String eth) {
        chat.marks(Map.of("BTCUSDT", "80000", "ETHUSDT", eth, "SOLUSDT", "110"));
    }

    @Test
    void withdrawalAfterOpeningCross_isWatched_andThePoolIsLiquidatedWhenItsWalletIsGone() {
        chat.say(trader, "/long ETH 10 10x cross");
        assertThat(chat.say(trader, "/withdraw 6900")).contains("Withdrew 6,900.00 USDT");

        ethAt("2680");   // margin balance 3,100 − 3,200 = −100: past liquidation

        assertThat(chat.awaitNotice(trader, "CROSS POOL LIQUIDATED")).contains("#1 ETHUSDT LONG");
        assertThat(chat.say(trader, "/positions")).contains("no open positions");
    }

    @Test
    void depositAfterOpeningCross_isWatched_soNoWarningAtLevelsThePoolIsNowhereNear() {
        chat.say(trader, "/long ETH 30 10x cross");
        assertThat(chat.say(trader, "/deposit 90000")).contains("100,000.00 USDT");

        ethAt("2690");   // on the old 10,000 wallet this is a 57% margin ratio, a WARNING

        chat.telegram().assertNoReplyTo(trader, Duration.ofMillis(800));
    }
}
