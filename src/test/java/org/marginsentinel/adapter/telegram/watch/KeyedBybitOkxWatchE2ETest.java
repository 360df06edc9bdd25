package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.fake.AccountFixtures;
import org.marginsentinel.adapter.keyed.fake.BybitAccountFake;
import org.marginsentinel.adapter.keyed.fake.OkxAccountFake;
import org.marginsentinel.adapter.keyed.fake.TransactionProbe;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.application.watch.KeyedPolling;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Issue 14 end to end for Bybit and OKX: {@code /watch bybit <key> <secret>} and {@code /watch okx <key> <secret>
 * <passphrase>} through the real TelegramBots client and the real readers against fakes that verify every
 * signature (attached to the price fake's server, the same host as the price feed in production). The key message
 * is deleted; a trading key is refused with how to make a read-only one and nothing stored; a read-only key is
 * accepted; its positions show in /watch and /positions with the exchange's liquidation price next to the bot's;
 * a position near liquidation is warned about; the key is checked with the exchange before the command's database
 * transaction ({@link TransactionProbe}). Shares {@link KeyedWatchE2ETest}'s profile (its master key), so
 * Quarkus starts once for both.
 */
@QuarkusTest
@TestProfile(KeyedWatchE2ETest.FileDatabase.class)
@WithTestResource(FakeTelegramResource.class)
class KeyedBybitOkxWatchE2ETest {

    private static final Instant START = Instant.parse("2032-06-01T10:00:00Z");

    /** A unified Bybit account in isolated margin mode: every position isolated. */
    private static final String BYBIT_ISOLATED_MODE = """
            {"retCode":0,"retMsg":"OK","result":{"marginMode":"ISOLATED_MARGIN","unifiedMarginStatus":4},
             "retExtInfo":{},"time":1796371200000}""";
    /** BTC long 0.5 @ 60,000 with 6,000: Bybit's LP = 60,000 − (6,000 − 150) / 0.5 = 48,300; the mark 61,000. */
    private static final String BYBIT_SAFE = bybitBtc("61000", "6000", "48300", "500");
    /** The same with 1,500 of margin at the mark 57,500: LP = 60,000 − (1,500 − 150) / 0.5 = 57,300, 0.35% away. */
    private static final String BYBIT_RISKY = bybitBtc("57500", "1500", "57300", "-1250");

    /**
     * OKX: an isolated ETH short of 20 contracts (2 ETH) @ 3,000 with 1,200 of margin at the mark 3,570; OKX's
     * maintenance 28.56 is 0.4% at the mark, plus the 0.05% fee: the bot's LP = 7,200 / (2 × 1.0045) = 3,583.87.
     */
    private static final String OKX_RISKY = """
            {"code":"0","msg":"","data":[{"adl":"1","avgPx":"3000","ccy":"USDT","instId":"ETH-USDT-SWAP",
             "instType":"SWAP","lever":"5","liqPx":"3580.1","margin":"1200","markPx":"3570","mgnMode":"isolated",
             "mmr":"28.56","pos":"20","posSide":"short","upl":"-1140","uTime":"1796371000000"}]}""";

    @InjectConversation
    Conversation chat;

    @Inject
    KeyedPolling polling;

    private FakeTelegram telegram;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        telegram = chat.telegram();
    }

    @AfterEach
    void tearDown() {
        chat.end();
    }

    @Test
    void bybit_tradingKeyRefused_readOnlyKeyWatched_liquidationPricesSideBySide_warnedNearLiquidation() {
        BybitAccountFake bybit = BybitAccountFake.attachTo(chat.priceApi().server());
        long user = chat.newTrader();
        String watchBybit = "/watch bybit " + BybitAccountFake.KEY + " " + BybitAccountFake.SECRET;

        bybit.serves("/v5/user/query-api", AccountFixtures.read("bybit-user-query-api.trading.synthetic.json"));
        int checksInside = TransactionProbe.INSIDE.get();
        int checksOutside = TransactionProbe.OUTSIDE.get();
        int tradingMessage = telegram.userSays(user, watchBybit);
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Refused: Bybit says this key can")
                .contains("On Bybit: Account → API").contains("Read-Only").contains("Nothing was stored")
                .contains("I deleted your message").doesNotContain(BybitAccountFake.SECRET);
        assertThat(deletedIn(user)).contains(tradingMessage);
        assertThat(chat.say(user, "/watch")).contains("You watch no");

        // The user makes the key read-only on Bybit and sends it again.
        bybit.serves("/v5/user/query-api", AccountFixtures.read("bybit-user-query-api.read-only-uta.synthetic.json"));
        bybit.serves("/v5/account/info", BYBIT_ISOLATED_MODE);
        bybit.serves("/v5/position/list", BYBIT_SAFE);
        int keyMessage = telegram.userSays(user, watchBybit);
        String connected = telegram.awaitReplyTo(user).plainText();
        assertThat(connected).contains("Now watching your Bybit futures account with key bybi…0001")
                .contains("I deleted your message").contains("BTCUSDT LONG").doesNotContain(BybitAccountFake.SECRET);
        assertThat(deletedIn(user)).contains(keyMessage, tradingMessage);
        assertThat(chat.say(user, "/watch")).contains("Bybit key bybi…0001 · 1 position(s) · data 0 s old");
        assertThat(TransactionProbe.OUTSIDE.get() - checksOutside).as("both keys checked with Bybit").isEqualTo(2);
        assertThat(TransactionProbe.INSIDE.get() - checksInside).as("never inside the command's transaction")
                .isZero();
        assertThat(chat.say(user, "/positions")).contains("Bybit #1 bybi…0001 · real account, read-only key")
                .contains("BTCUSDT LONG").contains("Liq.: Bybit 48,300").contains("bot 48,300").contains("✓ agree");
        // The insight tools on the real account, at Bybit's mark, by Bybit's maintenance rate.
        assertThat(chat.say(user, "/stress -25")).contains("Bybit #1 bybi…0001 (real)")
                .contains("61,000").contains("→ 45,750").contains("liquidated").contains("maintenance at the entry price");
        chat.marks(Map.of("BTCUSDT", "60990")); // the paper part's mark; the Bybit part takes Bybit's
        assertThat(chat.say(user, "/whatif long BTC 0.5")).contains("Bybit #1 bybi…0001 (real)")
                .contains("at Bybit's mark 61,000").contains("LONG 1 BTCUSDT");
        assertThat(chat.say(user, "/compare")).contains("Bybit #1 bybi…0001 (real)").contains("🌊 cross");

        bybit.serves("/v5/position/list", BYBIT_RISKY);
        polling.tick(chat.clock().advance(Duration.ofMinutes(3).plusSeconds(1)));
        assertThat(chat.awaitNotice(user, "BTCUSDT LONG")).contains("CRITICAL").contains("Bybit #1")
                .contains("liquidation (bot) 57,300").contains("Bybit says 57,300").contains("the bot only watches");
    }

    @Test
    void okx_tradingKeyRefused_readOnlyKeyWatched_liquidationPricesSideBySide_warnedNearLiquidation() {
        OkxAccountFake okx = OkxAccountFake.attachTo(chat.priceApi().server());
        long user = chat.newTrader();
        String watchOkx = "/watch okx " + OkxAccountFake.KEY + " " + OkxAccountFake.SECRET + " "
                + OkxAccountFake.PASSPHRASE;

        okx.serves("/api/v5/account/config", AccountFixtures.read("okx-account-config.trade-withdraw.synthetic.json"));
        int tradingMessage = telegram.userSays(user, watchOkx);
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Refused: OKX says this key can")
                .contains("On OKX: Profile → API keys").contains("Nothing was stored")
                .contains("I deleted your message").doesNotContain(OkxAccountFake.SECRET)
                .doesNotContain(OkxAccountFake.PASSPHRASE);
        assertThat(deletedIn(user)).contains(tradingMessage);
        assertThat(chat.say(user, "/watch")).contains("You watch no");

        okx.serves("/api/v5/account/config", AccountFixtures.read("okx-account-config.read-only.synthetic.json"));
        int keyMessage = telegram.userSays(user, watchOkx);
        String connected = telegram.awaitReplyTo(user).plainText();
        assertThat(connected).contains("Now watching your OKX futures account with key okx-…0001")
                .contains("I deleted your message").contains("BTC-USDT-SWAP LONG").contains("ETH-USDT-SWAP SHORT")
                .doesNotContain(OkxAccountFake.SECRET).doesNotContain(OkxAccountFake.PASSPHRASE);
        assertThat(deletedIn(user)).contains(keyMessage, tradingMessage);
        assertThat(chat.say(user, "/watch")).contains("OKX key okx-…0001 · 2 position(s) · data 0 s old");
        assertThat(chat.say(user, "/positions")).contains("OKX #1 okx-…0001 · real account, read-only key")
                .contains("Liq.: OKX 41,000.3").contains("Liq.: OKX 3,561.4").contains("Estimated: OKX's tiers");
        assertThat(chat.say(user, "/stress +10 ETH")).contains("OKX #1 okx-…0001 (real)")
                .contains("ETH-USDT-SWAP SHORT").contains("3,100").contains("→ 3,410").contains("survives")
                .doesNotContain("entry price");

        okx.serves("/api/v5/account/positions", OKX_RISKY);
        polling.tick(chat.clock().advance(Duration.ofMinutes(3).plusSeconds(1)));
        assertThat(chat.awaitNotice(user, "ETH-USDT-SWAP SHORT")).contains("CRITICAL").contains("OKX #1")
                .contains("liquidation (bot) 3,583.8").contains("OKX says 3,580.1");
    }

    private static String bybitBtc(String mark, String margin, String liquidation, String pnl) {
        return """
                {"retCode":0,"retMsg":"OK","result":{"list":[{"positionIdx":0,"symbol":"BTCUSDT","side":"Buy",
                 "size":"0.5","avgPrice":"60000","positionValue":"30000","tradeMode":0,"adlRankIndicator":1,
                 "leverage":"5","positionBalance":"%s","markPrice":"%s","liqPrice":"%s","positionMM":"150",
                 "positionIM":"6000","unrealisedPnl":"%s","updatedTime":"1796371000000"}],"nextPageCursor":"",
                 "category":"linear"},"retExtInfo":{},"time":1796371200000}""".formatted(margin, mark, liquidation, pnl);
    }

    private List<Integer> deletedIn(long chatId) {
        return telegram.awaitCalls(call -> call.method().equals("deletemessage") && call.chatId() == chatId, 1,
                Duration.ofSeconds(5)).stream().map(RecordedCall::params).map(p -> p.path("message_id").asInt())
                .toList();
    }
}
