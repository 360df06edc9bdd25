package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.keyed.fake.BinanceAccountFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedBook;
import org.marginsentinel.application.watch.KeyedPolling;
import org.marginsentinel.application.watch.KeyedWatchList;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Issue 14 end to end, on an H2 file database (so the raw file can be read): the Binance flows (Ed25519 with the pair
 * the bot made, HMAC) through the real TelegramBots client and the real reader against a fake Binance that verifies
 * every signature; a trading key refused with nothing stored; every key message deleted; a warning on a real
 * position and the ADL queue; a revoked key told once and never retried; no secret in clear in the database file.
 * The scheduler is off in tests: the test runs the poll steps ({@link KeyedPolling#tick}) on a frozen clock.
 */
@QuarkusTest
@TestProfile(KeyedWatchE2ETest.FileDatabase.class)
@WithTestResource(FakeTelegramResource.class)
class KeyedWatchE2ETest {

    /** A database file of its own, so what is on disk is this run's. */
    public static class FileDatabase implements QuarkusTestProfile {

        static final Path DIRECTORY = Path.of("target", "keyed-e2e-" + ProcessHandle.current().pid());

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:./" + DIRECTORY + "/sentinel",
                    "sentinel.master-key", Base64.getEncoder().encodeToString(
                            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static final Instant START = Instant.parse("2032-05-01T10:00:00Z");
    private static final String READ_ONLY = BinanceAccountFake.read("binance-sapi-apiRestrictions.read-only.json");
    private static final String TRADING = BinanceAccountFake.read("binance-sapi-apiRestrictions.official.jsonc");

    /** BTC isolated long 0.5 @ 60,000 with 1,500: liquidation 57,228.92, the mark 57,500 is 0.5% away; ETH a winning short first in the ADL queue. */
    private static final String RISKY_POSITIONS = """
            [{"symbol":"BTCUSDT","positionSide":"BOTH","positionAmt":"0.5","entryPrice":"60000","markPrice":"57500",
              "unRealizedProfit":"-1250","liquidationPrice":"57228.92","isolatedMargin":"250","notional":"28750",
              "isolatedWallet":"1500","initialMargin":"1437.5","maintMargin":"115","positionInitialMargin":"1437.5",
              "adl":1,"updateTime":1720736417660},
             {"symbol":"ETHUSDT","positionSide":"BOTH","positionAmt":"-2","entryPrice":"3000","markPrice":"2500",
              "unRealizedProfit":"1000","liquidationPrice":"3496.02","isolatedMargin":"0","notional":"-5000",
              "isolatedWallet":"0","initialMargin":"500","maintMargin":"20","positionInitialMargin":"500","adl":4,
              "updateTime":1720736417660}]""";
    private static final String RISKY_ACCOUNT = """
            {"totalWalletBalance":"2500","totalMarginBalance":"2250","totalMaintMargin":"135",
             "availableBalance":"300","assets":[],"positions":[]}""";

    @InjectConversation
    Conversation chat;

    @Inject
    KeyedPolling polling;

    @Inject
    KeyedBook book;

    @Inject
    KeyedWatchList keyedList;

    @Inject
    DataSource dataSource;

    private FakeTelegram telegram;
    private BinanceAccountFake binance;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        telegram = chat.telegram();
        binance = BinanceAccountFake.attachTo(chat.priceApi().server());
    }

    @AfterEach
    void tearDown() {
        chat.end();
    }

    @Test
    void ed25519Flow_thePublicKeyShown_theKeyIdConnects_messagesDeleted_positionsWithBinancesSecondOpinion()
            throws Exception {
        long user = chat.newTrader();
        long group = telegram.newGroup();
        int groupMessage = telegram.userSaysInGroup(user, group, "/watch binance grpKey0123456789 grpSecret012345");
        assertThat(telegram.awaitReplyTo(group).plainText()).contains("private chat").doesNotContain("grpSecret");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Never post an API key in a group")
                .contains("did not read it").doesNotContain("grpSecret");
        assertThat(deletedIn(group)).contains(groupMessage);

        String shown = say(user, "/watch binance");
        assertThat(shown).contains("Self-generated").contains("Enable Reading");
        String pem = shown.substring(shown.indexOf("-----BEGIN PUBLIC KEY-----"),
                shown.indexOf("-----END PUBLIC KEY-----") + "-----END PUBLIC KEY-----".length());
        binance.acceptsEd25519("edKeyAAAA0000BBBB1111", pem, READ_ONLY);

        int keyMessage = telegram.userSays(user, "/watch binance edKeyAAAA0000BBBB1111");
        String connected = telegram.awaitReplyTo(user).plainText();

        assertThat(connected).contains("Now watching your Binance futures account with key edKe…1111")
                .contains("I deleted your message with the key").contains("ADAUSDT LONG").contains("COMPUSDT SHORT")
                .contains("Liq.: Binance 2,260.57").doesNotContain("edKeyAAAA0000BBBB1111");
        assertThat(deletedIn(user)).contains(keyMessage);
        assertThat(binance.verifiedRequests(BinanceAccountFake.RESTRICTIONS, "edKeyAAAA0000BBBB1111"))
                .as("Ed25519-signed, verified").isEqualTo(1);
        KeyedAccount account = book.ofUser(user).get(0);
        byte[] pkcs8 = book.key(account.id()).orElseThrow().ed25519PrivateKey();
        byte[] privateHalf = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        assertNoSecretInTheDatabaseFile(List.of("edKeyAAAA0000BBBB1111", Base64.getEncoder().encodeToString(pkcs8),
                new String(privateHalf, StandardCharsets.ISO_8859_1)), "edKe…1111");
        assertThat(say(user, "/watch")).contains("#1 Binance key edKe…1111 · 2 position(s) · data 0 s old");
        assertThat(say(user, "/positions")).contains("Binance #1 edKe…1111 · real account, read-only key")
                .contains("ADL rank 2/4");
        assertThat(say(user, "/risk")).contains("Binance #1 edKe…1111").contains("Account margin ratio");

        assertThat(say(user, "/unwatch 1")).contains("Stopped watching Binance key edKe…1111")
                .contains("encrypted key");
        assertThat(say(user, "/watch")).contains("You watch no");
    }

    @Test
    void hmacFlow_tradingKeyRefused_warningAndAdl_revokedKeyToldOnce_noSecretInTheDatabaseFile() throws Exception {
        long user = chat.newTrader();
        binance.acceptsHmac("tradeKey0000111122223333", "tradeSecretXyz987654321", TRADING);
        int tradingMessage = telegram.userSays(user, "/watch binance tradeKey0000111122223333 tradeSecretXyz987654321");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Refused: Binance says this key can trade")
                .contains("Enable Reading").contains("Nothing was stored").contains("I deleted your message");
        assertThat(deletedIn(user)).contains(tradingMessage);
        assertThat(say(user, "/watch")).contains("You watch no");

        binance.acceptsHmac("hmacKey0000111122223333", "hmacSecretAbc123456789", READ_ONLY);
        String connected = say(user, "/watch binance hmacKey0000111122223333 hmacSecretAbc123456789");
        assertThat(connected).contains("Now watching your Binance futures account with key hmac…3333");

        // Binance now reports a BTC position 0.5% from its liquidation price and a winning ETH short first in line
        // for auto-deleveraging; the safe account is polled again after 3 minutes.
        binance.servesPositions(RISKY_POSITIONS);
        binance.servesAccount(RISKY_ACCOUNT);
        polling.tick(chat.clock().advance(Duration.ofMinutes(3).plusSeconds(1)));
        String critical = chat.awaitNotice(user, "BTCUSDT LONG");
        assertThat(critical).contains("CRITICAL").contains("Binance #1")
                .contains("Binance says 57,2").contains("the bot only watches");
        // the ADL notice follows, or shares one digest message with the warning when both wait to be sent
        String adl = critical.contains("ADL queue") ? critical : chat.awaitNotice(user, "ADL queue");
        assertThat(adl).contains("ETHUSDT SHORT").contains("rank 4 of 4");

        assertNoSecretInTheDatabaseFile(List.of("hmacSecretAbc123456789", "hmacKey0000111122223333"), "hmac…3333");

        // A restart: the account, its last answer and its opened key come back from the database.
        keyedList.loadAll();
        assertThat(say(user, "/watch")).contains("#1 Binance key hmac…3333 · 2 position(s)");
        long id = book.ofUser(user).get(0).id();
        assertThat(book.adlTold(KeyedBook.subjectPrefix(id) + "ETHUSDT:SHORT:adl"))
                .as("the ADL warning is remembered in the database: not told again after the restart").isFalse();

        // The key is deleted on Binance: told once, then never asked again.
        binance.revoke("hmacKey0000111122223333");
        polling.tick(chat.clock().advance(Duration.ofSeconds(11)));
        assertThat(chat.awaitNotice(user, "refused the key")).contains("HTTP 401, code -2015")
                .contains("will not retry");
        int asked = binance.requests(BinanceAccountFake.ACCOUNT);
        polling.tick(chat.clock().advance(Duration.ofSeconds(11)));
        polling.tick(chat.clock().advance(Duration.ofMinutes(5)));
        assertThat(binance.requests(BinanceAccountFake.ACCOUNT)).isEqualTo(asked);
        assertThat(say(user, "/watch")).as("the next message is the reply, not a second notice")
                .contains("paused: HTTP 401");
    }

    private void assertNoSecretInTheDatabaseFile(List<String> secrets, String masked) throws SQLException,
            IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
        StringBuilder raw = new StringBuilder();
        try (Stream<Path> files = Files.list(FileDatabase.DIRECTORY)) {
            for (Path file : files.toList()) {
                raw.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        // H2 writes ASCII as is (and '…' its own way): the masked id's two ends, a few bytes apart.
        String[] ends = masked.split("…");
        assertThat(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(ends[0]) + ".{1,4}"
                + java.util.regex.Pattern.quote(ends[1]), java.util.regex.Pattern.DOTALL).matcher(raw).find())
                .as("the reader sees clear text: the masked id is there").isTrue();
        for (String secret : secrets) {
            assertThat(raw.indexOf(secret)).as("no secret in clear in the database file").isEqualTo(-1);
        }
    }

    private List<Integer> deletedIn(long chatId) {
        return telegram.awaitCalls(call -> call.method().equals("deletemessage") && call.chatId() == chatId, 1,
                Duration.ofSeconds(5)).stream().map(RecordedCall::params).map(p -> p.path("message_id").asInt())
                .toList();
    }

    private String say(long user, String text) {
        return chat.say(user, text);
    }
}
