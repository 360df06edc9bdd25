package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Whole conversations through the real TelegramBots library: a user types, the bot answers. Marks come from
 * the fake Binance endpoint (BTCUSDT 81,341.20, ETHUSDT 2,641.53 in the fixture).
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class TradingConversationTest {

    @InjectConversation
    Conversation chat;

    @InjectFakeTelegram
    FakeTelegram telegram;

    private long alice;

    @BeforeEach
    void freshUserAndPrices() {
        chat.begin();
        chat.marks(Map.of("BTCUSDT", "81341.20", "ETHUSDT", "2641.53", "SOLUSDT", "112.43"));
        alice = telegram.newUser();
        telegram.nameUser(alice, "Alice");
    }

    private String say(long user, String text) {
        return chat.say(user, text);
    }

    @Test
    void start_opensTheAccountOnce() {
        String welcome = say(alice, "/start");
        String again = say(alice, "/start");

        assertThat(welcome).contains("Welcome, Alice").contains("10,000.00 USDT").contains("/help");
        assertThat(welcome.lines()).hasSize(3);
        assertThat(again).contains("already have a paper account");
        assertThat(say(alice, "/balance")).contains("Wallet: 10,000.00 USDT").contains("Available: 10,000.00 USDT");
    }

    @Test
    void commandsBeforeStart_askToStart() {
        assertThat(say(alice, "/balance")).contains("/start");
        assertThat(say(alice, "/long BTC 0.1")).contains("/start");
    }

    @Test
    void depositAndWithdraw_moveTheWallet() {
        say(alice, "/start");

        assertThat(say(alice, "/deposit 500")).contains("Deposited 500.00 USDT").contains("Wallet: 10,500.00 USDT");
        assertThat(say(alice, "/withdraw 250.5")).contains("Withdrew 250.50 USDT").contains("Wallet: 10,249.50 USDT");
        assertThat(say(alice, "/withdraw 20000")).contains("at most 10,249.50 USDT");
        assertThat(say(alice, "/balance")).contains("Wallet: 10,249.50 USDT");
    }

    @Test
    void withdrawAll_asksFirst_andOnlyTheOwnerCanConfirm() {
        say(alice, "/start");
        telegram.userSays(alice, "/withdraw all");
        SentMessage question = telegram.awaitReplyTo(alice);
        assertThat(question.plainText()).contains("10,000.00 USDT");

        long mallory = telegram.newUser();
        String refused = telegram.press(mallory, alice, question.messageId(), question.buttonData("Confirm"));
        assertThat(telegram.awaitCallbackAnswer(refused).text()).contains("not yours");
        assertThat(say(alice, "/balance")).contains("Wallet: 10,000.00 USDT");

        telegram.press(alice, alice, question.messageId(), question.buttonData("Confirm"));
        assertThat(telegram.awaitEdit(alice, question.messageId()).plainText()).contains("Withdrew 10,000.00 USDT");
        assertThat(say(alice, "/balance")).contains("Wallet: 0.00 USDT");
    }

    @Test
    void longIsolated_showsTheLiquidationPrice_andPositionsListsIt() {
        say(alice, "/start");

        String opened = say(alice, "/long BTC 0.1 20x");
        // isolated margin 8,134.12 / 20 = 406.706; liquidation (8,134.12 − 406.706) / (0.1 × 0.996) = 77,584.48
        assertThat(opened).contains("Opened at 81,341.20").contains("#1 BTCUSDT LONG 0.1 · isolated 20x")
                .contains("Margin 406.71 USDT").contains("Liq. 77,584.48").contains("4.62% away");

        String positions = say(alice, "/positions");
        assertThat(positions).contains("#1 BTCUSDT LONG 0.1").contains("Mark 81,341.20").contains("PnL 0.00 USDT");
        assertThat(say(alice, "/balance")).contains("Margin in use: 406.71 USDT").contains("Available: 9,593.29 USDT");
    }

    @Test
    void markMoves_areReflectedInPnlAndRoe() {
        say(alice, "/start");
        say(alice, "/short ETH 2 10x cross");
        chat.marks(Map.of("BTCUSDT", "81341.20", "ETHUSDT", "2600.00"));

        String positions = say(alice, "/positions");

        // short 2 ETH from 2,641.53 to 2,600.00: +83.06; ROE against 528.306 initial margin: +15.72%
        assertThat(positions).contains("#1 ETHUSDT SHORT 2 · cross 10x").contains("PnL +83.06 USDT (ROE +15.72%)")
                .contains("(if other marks stay)");
    }

    @Test
    void sameSideAddsAtAveragedEntry_oppositeSideReducesThenFlips() {
        say(alice, "/start");
        say(alice, "/long BTC 0.1 10x @80000");

        assertThat(say(alice, "/long BTC 0.1 10x @82000")).contains("#1 BTCUSDT LONG 0.2").contains("Entry 81,000.00");
        String reduced = say(alice, "/short BTC 0.05 @83000");
        assertThat(reduced).contains("Closed 0.05 at 83,000.00, PnL +100.00 USDT").contains("#1 BTCUSDT LONG 0.15");
        String flipped = say(alice, "/short BTC 0.25 @83000");
        assertThat(flipped).contains("Closed 0.15").contains("PnL +300.00 USDT").contains("#1 BTCUSDT SHORT 0.1");
        assertThat(say(alice, "/balance")).contains("Wallet: 10,400.00 USDT");
    }

    @Test
    void notionalSize_inUsdt_isConvertedAtTheEntry() {
        say(alice, "/start");

        assertThat(say(alice, "/long SOL $1124.3 5x")).contains("SOLUSDT LONG 10 · isolated 5x");
    }

    @Test
    void notEnoughBalance_saysHowMuchIsMissing_andOpensNothing() {
        say(alice, "/start");

        // 2 BTC at 81,341.20 with 10x needs 16,268.24 of margin; 10,000 is there
        String refusal = say(alice, "/long BTC 2");

        assertThat(refusal).contains("Not enough available balance").contains("16,268.24 USDT")
                .contains("6,268.24 USDT is missing");
        assertThat(say(alice, "/positions")).contains("no open positions");
    }

    @Test
    void marginAddAndRemove_moveTheLiquidationPrice() {
        say(alice, "/start");
        say(alice, "/long BTC 0.1 10x @80000");

        // margin 800 → 1,000: liquidation (8,000 − 1,000) / 0.0996 = 70,281.12
        assertThat(say(alice, "/margin 1 add 200")).contains("Added 200.00 USDT to #1").contains("Liq. 70,281.12");
        assertThat(say(alice, "/margin 1 remove 150")).contains("Removed 150.00 USDT");
        // Binance: 850 + 134.12 of profit − 813.41 of initial margin at the mark = 170.70 can go
        assertThat(say(alice, "/margin 1 remove 200")).contains("At most 170.70 USDT can be removed now")
                .contains("initial margin at the mark (813.41 USDT) after its unrealised PnL (+134.12 USDT)");
        assertThat(say(alice, "/positions")).contains("Margin 850.00 USDT");
    }

    @Test
    void marginRemove_takesTheLossIntoAccount_theIssuesEthExample() {
        chat.marks(Map.of("BTCUSDT", "81341.20", "ETHUSDT", "2800", "SOLUSDT", "112.43"));
        say(alice, "/start");
        say(alice, "/long ETH 1 10x @3000");
        assertThat(say(alice, "/margin 1 add 300")).contains("Added 300.00 USDT to #1");

        // ETH long 1 @ 3,000, 10x, 300 added, mark 2,800: Binance allows removing 120 (600 − 200 − 280), not 300
        assertThat(say(alice, "/margin 1 remove 300")).contains("At most 120.00 USDT can be removed now")
                .contains("initial margin at the mark (280.00 USDT) after its unrealised PnL (-200.00 USDT)");
        assertThat(say(alice, "/positions")).contains("Margin 600.00 USDT");
        assertThat(say(alice, "/margin 1 remove 120")).contains("Removed 120.00 USDT");
        assertThat(say(alice, "/positions")).contains("Margin 480.00 USDT").contains("Tiers: Binance brackets of 2024-10-24");
    }

    @Test
    void marginAddAndWithdraw_comeFromTheCrossWallet_neverFromUnrealisedProfit() {
        say(alice, "/start");
        say(alice, "/long BTC 1 10x cross @40000"); // +41,341.20 unrealised at 81,341.20
        say(alice, "/long ETH 1 10x");                // isolated: 264.15 leaves the cross wallet

        // cross wallet 9,735.85 less BTC's maintenance 356.71 (81,341.20 × 0.5% − 50): the profit stays
        assertThat(say(alice, "/margin 2 add 20000")).contains("At most 9,379.14 USDT can be added now")
                .contains("unrealised profit stays");
        assertThat(say(alice, "/withdraw 20000")).contains("You can withdraw at most 9,379.14 USDT");
        assertThat(say(alice, "/margin 2 add 9379.14")).contains("Added 9,379.14 USDT to #2");
        assertThat(say(alice, "/balance")).contains("Wallet: 10,000.00 USDT");
    }

    @Test
    void symbolWithoutExchangeTiers_isRefusedToOpenAndToCalc_withTheReason() {
        chat.marks(Map.of("BTCUSDT", "81341.20", "ETHUSDT", "2641.53", "SOLUSDT", "112.43",
                "NOTIERSUSDT", "1.25"));
        say(alice, "/start");

        assertThat(say(alice, "/long NOTIERS 100 5x")).contains("no exchange margin tiers for NOTIERSUSDT");
        assertThat(say(alice, "/calc long 5x @1.25 NOTIERS")).contains("no exchange margin tiers for NOTIERSUSDT");
        assertThat(say(alice, "/positions")).contains("no open positions");
    }

    @Test
    void marginOnCrossPosition_isRefused() {
        say(alice, "/start");
        say(alice, "/long ETH 1 cross");

        assertThat(say(alice, "/margin 1 add 10")).contains("is cross");
    }

    @Test
    void closePart_thenWholeWithConfirmation_booksPnl() {
        say(alice, "/start");
        say(alice, "/long BTC 0.2 10x @80000");

        assertThat(say(alice, "/close 1 50%")).contains("Closed 0.1 at 81,341.20, PnL +134.12 USDT")
                .contains("Still open");
        telegram.userSays(alice, "/close BTC");
        SentMessage question = telegram.awaitReplyTo(alice);
        assertThat(question.plainText()).contains("Close #1 BTCUSDT LONG 0.1").contains("+134.12");
        telegram.press(alice, alice, question.messageId(), question.buttonData("Confirm"));

        assertThat(telegram.awaitEdit(alice, question.messageId()).plainText())
                .contains("Closed 0.1 at 81,341.20, PnL +134.12 USDT").contains("Wallet: 10,268.24 USDT");
        assertThat(say(alice, "/positions")).contains("no open positions");
    }

    @Test
    void risk_listsThePoolAndIsolatedPositionsMostEndangeredFirst() {
        say(alice, "/start");
        say(alice, "/long BTC 0.01 2x");
        say(alice, "/long ETH 1 50x");
        say(alice, "/short SOL 10 5x cross");

        String risk = say(alice, "/risk");

        assertThat(risk).contains("Cross pool").contains("Margin ratio").contains("#3 SOLUSDT SHORT");
        assertThat(risk.indexOf("#2 ETHUSDT")).isLessThan(risk.indexOf("#1 BTCUSDT"));
        assertThat(risk).contains("critical").contains("safe");
    }

    @Test
    void price_andCalc_useTheSameEngine() {
        assertThat(say(alice, "/price eth")).contains("ETHUSDT mark: 2,641.53");
        // 1,000 USDT × 20 at 60,000: 0.33333333 BTC, liquidation (20,000 − 1,000) / (0.3333 × 0.996) = 57,228.92
        assertThat(say(alice, "/calc long 20x @60000")).contains("Liquidation: 57,228.92").contains("−4.62% from entry")
                .contains("(BTCUSDT, Binance brackets of 2024-10-24)");
        assertThat(say(alice, "/calc long 1x @60000")).contains("Liquidation: none");
    }

    @Test
    void twoUsers_neverSeeOrTouchEachOthersPositions() {
        long bob = telegram.newUser();
        say(alice, "/start");
        say(bob, "/start");
        say(alice, "/long BTC 0.1");

        assertThat(say(bob, "/positions")).contains("no open positions");
        assertThat(say(bob, "/close 1")).contains("no open position");
        assertThat(say(bob, "/margin 1 add 10")).contains("no open position #1");
        assertThat(say(alice, "/positions")).contains("#1 BTCUSDT LONG 0.1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            /long BTC abc           | not a valid size
            /long BTC               | symbol and a size
            /long XYZQQ 1           | don't know XYZQQUSDT
            /long BTC 0.1 500x      | between 1x and 125x
            /long BTC 0.1 0x        | between 1x and 125x
            /long BTC -1            | not a valid size
            /long BTC 0             | greater than 0
            /long BTC 0.1 20x hedge | don't understand
            /long 🚀 1              | not a symbol
            /long BTC 1.5.5         | not a valid size
            /long BTC 0.1 20x 5     | the leverage is already 20x
            /deposit -5             | not a valid amount
            /deposit 0              | greater than 0
            /deposit abc            | not a valid amount
            /deposit 1 2            | one amount
            /close 99               | no open position #99
            /close                  | position number
            /margin 1 twist 5       | add or remove
            /withdraw               | one amount
            /calc up 20x @1         | long or short
            /calc long 20x 60000    | with an @
            """)
    void badInput_getsAFriendlyErrorWithUsage_andChangesNothing(String command, String expected) {
        say(alice, "/start");

        String reply = say(alice, command);

        assertThat(reply).startsWith("⚠️").contains(expected).contains("Usage:").doesNotContain("Exception");
        assertThat(say(alice, "/balance")).contains("Wallet: 10,000.00 USDT").contains("Margin in use: 0.00 USDT");
    }

    @Test
    void hugeInput_isRefusedPolitely() {
        say(alice, "/start");

        String reply = say(alice, "/long BTC " + "9".repeat(10_000));

        assertThat(reply).doesNotContain("Exception").hasSizeLessThan(1000);
        assertThat(say(alice, "/positions")).contains("no open positions");
    }
}
