package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.application.trigger.PriceTriggers;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/** Price alerts and stops as a trader uses them: set on the mark, executed once by the price tick. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class StopsConversationTest {

    private static final Instant START = Instant.parse("2033-03-01T00:00:00Z");

    @InjectConversation
    Conversation chat;

    @Inject
    PriceTriggers triggers;

    private long trader;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        marks("100000", "3000");
        trader = chat.newTrader();
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void marks(String btc, String eth) {
        chat.marks(Map.of("BTCUSDT", btc, "ETHUSDT", eth));
    }

    private String say(String text) {
        return chat.say(trader, text);
    }

    @Test
    void stopLoss_closesTheRestAtTheMark_withTheTakerFee_once() {
        say("/long BTC 0.2 10x");
        assertThat(say("/sl 1 95000")).contains("stop-loss set · #1 BTCUSDT LONG at 95,000.00");
        assertThat(say("/close 1 50%")).contains("Closed 0.1");
        assertThat(say("/positions")).as("a partial close keeps the stop on the rest").contains("SL 95,000.00");

        marks("94000", "3000");

        assertThat(chat.awaitNotice(trader, "stop-loss executed")).contains("#1 BTCUSDT LONG 0.1 closed at mark "
                + "94,000.00 (stop 95,000.00)")
                .contains("PnL −600.00 · taker fee 0.00 USDT · net −600.00 USDT"); // fees: TakerFeeConversationTest
        triggers.restartFromDatabase();
        marks("93000", "3000");
        // −600 PnL, booked once (no taker fees in this profile: TakerFeeConversationTest has them)
        assertThat(say("/balance")).contains("Wallet: 9,400.00 USDT");
        assertThat(say("/positions")).contains("no open positions");
        assertThat(say("/trades")).contains("🛑 stop-loss").contains("exit 97,000.00");
        assertThat(chat.telegram().sentTo(trader).stream().filter(m -> m.plainText().contains("stop-loss executed")))
                .hasSize(1);
    }

    @Test
    void stopBeyondLiquidation_isFlaggedCanNeverFire_andBadStopsAreRefused() {
        say("/long BTC 0.1 10x");

        assertThat(say("/sl 1 85000")).contains("stop-loss set").contains("can never fire: liquidation at");
        assertThat(say("/positions")).contains("SL 85,000.00 ⚠️ can never fire");
        marks("99000", "3000");
        assertThat(say("/tp 1 99500")).as("below the entry: a loss").contains("loses after fees");
        assertThat(say("/sl 1 101000")).contains("already past that price").contains("/close 1");
        assertThat(say("/tp 1 off")).contains("Removed the take-profit of #1");
        assertThat(say("/tp 1 off")).contains("has no take-profit");
        assertThat(say("/sl 7 90000")).contains("no open position #7");
    }

    @Test
    void priceAlert_firesOnceOnTheMark_andIsGone() {
        assertThat(say("/alert BTC < 90000")).contains("Alert set: BTCUSDT < 90,000.00 (mark now 100,000.00)");
        assertThat(say("/alert eth>4000")).contains("Alert set: ETHUSDT > 4,000.00");
        assertThat(say("/alert BTC > 99000")).contains("would fire at once");
        assertThat(say("/alert")).contains("1. BTCUSDT < 90,000.00").contains("2. ETHUSDT > 4,000.00");
        assertThat(say("/alert del 2")).contains("Deleted the alert ETHUSDT > 4,000.00");
        say("/alert BTC < 1");

        marks("89000", "4100");

        assertThat(chat.awaitNotice(trader, "BTCUSDT < 90,000.00")).contains("the mark is 89,000.00")
                .contains("fired once");
        triggers.restartFromDatabase();
        marks("88000", "4200");
        assertThat(say("/alert")).contains("1. BTCUSDT < 1.0000").doesNotContain("90,000");
        assertThat(chat.telegram().sentTo(trader).stream()
                .filter(m -> m.plainText().contains("This alert fired once"))).hasSize(1);
    }
}
