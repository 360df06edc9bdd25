package org.marginsentinel.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;

/**
 * Real crashes: the packaged application runs as a child process on an H2 file database, talking to the
 * fake Bot API and the fake exchanges in this JVM, and is killed with SIGKILL (kill -9) at a chosen moment,
 * then started again on the same files. No command, balance change, position or warning may be lost, and
 * none may be applied twice. A reply or warning that was on its way out at the kill may arrive twice
 * (Telegram offers no way to send exactly once); that is counted and bounded.
 */
class CrashRecoveryIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int SENDER_THREADS = 4;
    /** The storm's slow Bot API: so many messages a second, and so many calls may be in flight at once. */
    private static final int STORM_MESSAGES_PER_SECOND = 8;

    @TempDir
    Path dataDir;

    private FakeTelegram telegram;
    private PriceApiFake prices;
    private AppProcess app;
    private int starts;

    @BeforeEach
    void fakes() {
        telegram = FakeTelegram.start();
        prices = PriceApiFake.start();
        prices.servesBinanceMarks(Map.of("BTCUSDT", "80000", "ETHUSDT", "2500"));
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.kill();
        }
        telegram.close();
        prices.stop();
    }

    // =============================================================================================

    /** Ten commands from each of 20 users; kill -9 while they are being handled; restart. */
    @Test
    void killedInTheMiddleOfCommands_losesNoneAndAppliesNoneTwice() throws Exception {
        startApp(100, "50ms");
        List<Long> users = newUsers(20);
        for (long user : users) {
            telegram.userSays(user, "/start");
        }
        for (long user : users) {
            telegram.awaitReplyContaining(user, "Welcome");
        }

        List<String> commands = List.of("/deposit 100", "/long BTC 0.01 10x", "/withdraw 50", "/deposit 7",
                "/long ETH 0.1 5x", "/close ETH 50%", "/margin 1 add 10", "/deposit 3", "/withdraw 20",
                "/alerts isolated 15% 7% 3%");
        for (String command : commands) {
            for (long user : users) {
                telegram.userSays(user, command);
            }
        }
        long lastUpdate = telegram.lastUpdateIdIn(users.get(users.size() - 1));
        // Telegram forgets the updates as soon as the bot's next poll confirms them: from then on only the
        // bot has them. Kill it right then, while its workers are still busy with the commands.
        telegram.awaitConfirmed(lastUpdate, Duration.ofSeconds(30));
        app.kill();
        int answeredBeforeKill = countAll(users, "✅");

        startApp(100, "50ms");
        for (long user : users) {
            awaitOrExplain("user " + user + " got all ten confirmations", () -> count(user, "✅") >= commands.size(),
                    () -> telegram.sentTo(user).stream().map(m -> m.plainText().replace('\n', ' ')).toList().toString());
        }
        for (long user : users) {
            telegram.userSays(user, "/balance");
            assertThat(telegram.awaitReplyContaining(user, "Equity:").plainText())
                    .as("balance of user %d", user).contains("Wallet: 10,040.00 USDT");
        }
        int answers = countAll(users, "✅");
        app.stop();

        System.out.printf("Killed after %d of %d confirmations were sent; %d confirmations arrived in all%n",
                answeredBeforeKill, users.size() * commands.size(), answers);
        assertThat(answeredBeforeKill).as("the kill came in the middle of the work")
                .isLessThan(users.size() * commands.size());
        assertThat(answers - users.size() * commands.size()).as("confirmations sent twice (in flight at the kill)")
                .isLessThanOrEqualTo(SENDER_THREADS * commands.size());
        try (Connection db = database()) {
            for (long user : users) {
                assertThat(ledger(db, user)).as("ledger of user %d: every balance change once", user)
                        .containsExactly("OPENING_BALANCE 10000", "DEPOSIT 100", "WITHDRAWAL -50", "DEPOSIT 7",
                                "DEPOSIT 3", "WITHDRAWAL -20");
                assertThat(wallet(db, user)).isEqualByComparingTo("10040");
                assertThat(openPositions(db, user)).as("positions of user %d", user)
                        .containsExactly("#1 BTCUSDT LONG 0.01 margin 90", "#2 ETHUSDT LONG 0.05 margin 25");
            }
            assertThat(single(db, "select count(*) from telegram_inbox")).as("nothing left unhandled").isZero();
        }
    }

    /**
     * The storm's message count once nothing more has come for two seconds: resends of calls that were in flight at
     * the kill may still arrive after every user got a message. Fails if the storm never ends.
     */
    private int countOnceQuiet(List<Long> users) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int before = countAll(users, "LIQUIDATED", "WARNING");
        while (true) {
            Thread.sleep(2_000);
            int now = countAll(users, "LIQUIDATED", "WARNING");
            if (now == before) {
                return now;
            }
            assertThat(System.nanoTime() - deadline).as("the storm is over: nothing more comes").isNegative();
            before = now;
        }
    }

    /** 40 users in danger at once; kill -9 while their warnings and liquidations go out; restart. */
    @Test
    void killedInTheMiddleOfAnAlertStorm_losesNoWarningAndLiquidatesNothingTwice() throws Exception {
        startApp(100, "50ms");
        List<Long> users = newUsers(40);
        for (int i = 0; i < users.size(); i++) {
            // 8x: liquidation 70,281 (12% away, no warning yet), so 70,000 liquidates;
            // 5x: liquidation 64,257, and 70,000 is 8.2% away from it: a WARNING.
            String leverage = i % 2 == 0 ? "8x" : "5x";
            telegram.userSays(users.get(i), "/start");
            telegram.userSays(users.get(i), "/long BTC 0.1 " + leverage + " @80000");
        }
        for (long user : users) {
            telegram.awaitReplyContaining(user, "Opened at");
        }
        // A slow Bot API for the storm: 8 messages a second, so the storm takes five seconds to deliver.
        app.kill();
        startApp(STORM_MESSAGES_PER_SECOND, "1s");

        prices.servesBinanceMarks(Map.of("BTCUSDT", "70000", "ETHUSDT", "2500"));
        Eventually.until("the storm is under way", SETTLE, () -> countAll(users, "LIQUIDATED", "WARNING") >= 12);
        app.kill();
        int deliveredBeforeKill = countAll(users, "LIQUIDATED", "WARNING");

        startApp(100, "50ms");
        for (int i = 0; i < users.size(); i++) {
            long user = users.get(i);
            String expected = i % 2 == 0 ? "LIQUIDATED" : "WARNING";
            awaitOrExplain("user " + user + " got " + expected, () -> count(user, expected) >= 1,
                    () -> telegram.sentTo(user).toString());
        }
        int delivered = countOnceQuiet(users);
        app.stop();

        System.out.printf("Killed after %d of %d storm messages; %d arrived in all%n", deliveredBeforeKill,
                users.size(), delivered);
        assertThat(deliveredBeforeKill).as("the kill came in the middle of the storm").isLessThan(users.size());
        StringBuilder storm = new StringBuilder();
        for (long user : users) {
            telegram.sentTo(user).stream().filter(m -> m.plainText().contains("LIQUIDATED") || m.plainText().contains("WARNING"))
                    .forEach(m -> storm.append(user).append(' ').append(m.at()).append(' ')
                            .append(m.plainText(), 0, Math.min(60, m.plainText().length())).append('\n'));
        }
        // The sender keeps as many calls in flight as the global rate allows in a second (at least its threads):
        // each of those may have reached Telegram before its SENT mark reached the disk.
        int inFlightAtOnce = Math.max(SENDER_THREADS, STORM_MESSAGES_PER_SECOND);
        assertThat(delivered - users.size()).as("storm messages sent twice (in flight at the kill):\n" + storm)
                .isBetween(0, inFlightAtOnce);
        try (Connection db = database()) {
            for (int i = 0; i < users.size(); i++) {
                long user = users.get(i);
                if (i % 2 == 0) {
                    assertThat(ledger(db, user)).as("user %d liquidated exactly once", user)
                            .containsExactly("OPENING_BALANCE 10000", "LIQUIDATION -1000");
                    assertThat(wallet(db, user)).isEqualByComparingTo("9000");
                    assertThat(openPositions(db, user)).isEmpty();
                } else {
                    assertThat(ledger(db, user)).containsExactly("OPENING_BALANCE 10000");
                    assertThat(openPositions(db, user)).containsExactly("#1 BTCUSDT LONG 0.1 margin 1600");
                    assertThat(single(db, "select count(*) from alert_state where user_id = " + user
                            + " and level = 'WARNING'")).as("the warning is remembered").isEqualTo(1);
                }
            }
        }
    }

    // --- the child process ------------------------------------------------------------------------

    private void startApp(int messagesPerSecond, String chatInterval) {
        Map<String, String> settings = new HashMap<>();
        // The database is the default one (./data/sentinel under the working directory, default settings).
        settings.put("quarkus.http.port", "0");
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("sentinel.telegram.token", FakeTelegram.TOKEN);
        settings.put("sentinel.telegram.api-url", telegram.baseUrl());
        settings.put("sentinel.telegram.max-messages-per-second", String.valueOf(messagesPerSecond));
        settings.put("sentinel.telegram.chat-interval", chatInterval);
        settings.put("sentinel.telegram.sender-threads", String.valueOf(SENDER_THREADS));
        settings.putAll(prices.configProperties());
        settings.put("sentinel.prices.poll-interval", "1s");
        // exactly-once is checked with round balances; fees have their own tests (TakerFeesTest)
        settings.put("sentinel.paper.taker-fee-rate", "0");
        int polls = telegram.pollsStarted();
        app = AppProcess.start(dataDir, settings, "app-" + (++starts));
        try {
            Eventually.until("the bot polls Telegram", READY, () -> {
                if (!app.isAlive()) {
                    throw new AssertionError("the application exited:\n" + app.logTail(60));
                }
                return telegram.pollsStarted() > polls;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + app.logTail(60), e);
        }
    }

    private void awaitOrExplain(String what, java.util.function.Supplier<Boolean> condition,
                                java.util.function.Supplier<String> state) {
        try {
            Eventually.until(what, SETTLE, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nState: " + state.get() + "\nApplication log:\n"
                    + app.logTail(80), e);
        }
    }

    private List<Long> newUsers(int n) {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(telegram.newUser());
        }
        return users;
    }

    /** How often the fragments occur in everything sent to the chat (several replies may share a message). */
    private int count(long chat, String... fragments) {
        int n = 0;
        for (var message : telegram.sentTo(chat)) {
            for (String fragment : fragments) {
                n += message.plainText().split(Pattern.quote(fragment), -1).length - 1;
            }
        }
        return n;
    }

    private int countAll(List<Long> chats, String... fragments) {
        return chats.stream().mapToInt(chat -> count(chat, fragments)).sum();
    }

    // --- the database after the application stopped ---------------------------------------------

    private Connection database() throws SQLException {
        Path file = dataDir.resolve("data").resolve("sentinel");
        assertThat(Files.exists(Path.of(file + ".mv.db"))).as("the application's default database file").isTrue();
        return DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sentinel", "sentinel");
    }

    private static List<String> ledger(Connection db, long user) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select kind, amount from account_ledger where user_id = ? order by created_at, id")) {
            query.setLong(1, user);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
                }
            }
        }
        return rows;
    }

    private static BigDecimal wallet(Connection db, long user) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select wallet_balance from account where user_id = ?")) {
            query.setLong(1, user);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("account of user %d", user).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }

    private static List<String> openPositions(Connection db, long user) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select number, symbol, side, quantity, isolated_margin"
                + " from paper_position where user_id = ? and status = 'OPEN' order by number")) {
            query.setLong(1, user);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add("#" + rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + " margin "
                            + rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
                }
            }
        }
        return rows;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
