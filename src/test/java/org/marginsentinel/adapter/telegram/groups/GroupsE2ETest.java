package org.marginsentinel.adapter.telegram.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.CallbackAnswer;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.RecordedCall;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.GroupDirectory;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * The bot in trading groups, end to end through the real TelegramBots library against the fake Bot API:
 * two groups, an admin and ordinary members; opt-in and out, boards edited in place, other members' presses
 * refused, group alerts batched under the group limit, private answers and the nudge, forum topics, and the
 * bot being added to and removed from a group. Commands carry {@code @SentinelBot}, as privacy mode needs.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class GroupsE2ETest {

    @InjectConversation
    Conversation chat;

    private static final String AT = "@" + FakeTelegram.BOT_USERNAME;
    private static final Instant START = Instant.parse("2032-06-01T08:00:00Z");

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    PaperTrading trading;

    @Inject
    GroupDirectory directory;

    @Inject
    ChatDirectory chats;

    @Inject
    GroupsConfig groupsConfig;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        btc("80000");
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    // --- joining and leaving --------------------------------------------------------------------

    @Test
    void botAdded_introducesItself_removed_stopsPostingAndDropsWhatWasQueued() {
        long ada = member("Ada");
        long alice = member("Alice");
        long group = telegram.newGroup();

        telegram.botAddedToGroup(ada, group);
        assertThat(telegram.awaitReplyTo(group).plainText()).contains("Hello! I'm Margin Sentinel")
                .contains("/start" + AT).contains("/share" + AT + " on").contains("/groupalerts" + AT + " on")
                .contains("/learn" + AT).contains("/help" + AT);
        telegram.makeAdmin(group, ada);
        assertThat(inGroup(ada, group, "/groupalerts" + AT + " on").plainText()).contains("Group alerts are on");
        assertThat(inGroup(alice, group, "/share" + AT + " on").plainText()).contains("You now share");
        privately(alice, "/long BTC 0.1 5x @80000");

        btc("65500");                                    // CRITICAL: queued for the group, waiting for its batch
        telegram.awaitReplyContaining(alice, "CRITICAL");
        telegram.botRemovedFromGroup(ada, group);        // removed before the batch is due
        Eventually.until("the removal is handled", () -> QuarkusTransaction.requiringNew()
                .call(() -> chats.isActive(group)).equals(Optional.of(false)));
        btc("64000");                                    // liquidated: nothing goes to the group any more
        telegram.awaitReplyContaining(alice, "LIQUIDATED");

        telegram.assertNoReplyTo(group, Duration.ofMillis(3_000));
        assertThat(telegram.callsTo(group).stream().filter(RecordedCall::isSendOrEdit))
                .noneMatch(call -> call.params().path("text").asText().contains("Alice"));

        telegram.botAddedToGroup(ada, group);            // back again: a new intro, alerts stay off until an admin acts
        assertThat(telegram.awaitReplyTo(group).plainText()).contains("Hello! I'm Margin Sentinel");
        assertThat(inGroup(alice, group, "/groupalerts" + AT).plainText()).contains("Group alerts are off");
    }

    // --- opt-in, boards --------------------------------------------------------------------------

    @Test
    void share_isPerGroupAndOffByDefault_boardsShowOnlyTheirOwnOptedInMembers() {
        long alice = member("Alice");
        long bob = member("Bob");
        long carol = member("Carol");
        long groupA = telegram.newGroup();
        long groupB = telegram.newGroup();
        privately(alice, "/long BTC 0.1 5x");        // at the mark, 80,000

        assertThat(inGroup(alice, groupA, "/share" + AT + " on").plainText()).contains("You now share");
        assertThat(inGroup(bob, groupB, "/share on").plainText()).as("a bare command reaching us works too")
                .contains("You now share");
        int asked = telegram.userSaysInGroup(carol, groupA, "/board" + AT);
        SentMessage boardA = telegram.awaitReplyTo(groupA);
        SentMessage boardB = inGroup(carol, groupB, "/board" + AT);

        assertThat(boardA.replyToMessageId()).isEqualTo(asked);
        assertThat(boardA.plainText()).contains("Risk board").contains("Alice: BTCUSDT LONG 5x isolated")
                .doesNotContain("Bob").doesNotContain("Carol").contains("Only members who sent /share on are listed");
        assertThat(boardA.buttonLabels()).containsExactly("🔄 Refresh");
        assertThat(boardB.plainText()).contains("Bob: no open positions").doesNotContain("Alice");

        assertThat(inGroup(alice, groupA, "/share" + AT + " off").plainText()).contains("no longer appear");
        btc("80000");                                    // a minute later: past the refresh throttle
        telegram.userSaysInGroup(carol, groupA, "/board" + AT);

        assertThat(telegram.awaitEdit(groupA, boardA.messageId()).plainText())
                .contains("No one here shares their risk yet");
        assertThat(inGroup(carol, groupA, "/help" + AT).plainText()).as("/board edited; it posted nothing new")
                .contains("/board");
        assertThat(telegram.sentTo(groupA)).filteredOn(m -> m.plainText().contains("Risk board")).hasSize(1);
    }

    @Test
    void board_mostEndangeredFirst_isOneMessageEditedInPlace_refreshThrottled() {
        long alice = member("Alice");
        long bob = member("Bob");
        long dave = member("Dave");
        long group = telegram.newGroup();
        privately(alice, "/long BTC 0.1 5x");           // at 80,000: liquidation 64,257.03
        privately(bob, "/long BTC 0.1 2x");             // far away
        for (long user : List.of(alice, bob, dave)) {
            inGroup(user, group, "/share" + AT + " on");
        }
        btc("67000");                                    // Alice 4.09% away: DANGER

        SentMessage board = inGroup(dave, group, "/board" + AT);
        String text = board.plainText();
        assertThat(text).contains("🟠 Alice: BTCUSDT LONG 5x isolated · 4.09% to liq.").contains("🟢 Bob:")
                .contains("🟢 Dave: no open positions").contains("Isolated positions by distance from mark to liquidation");
        assertThat(text.indexOf("Alice")).isLessThan(text.indexOf("Bob"));
        assertThat(text.indexOf("Bob")).isLessThan(text.indexOf("Dave"));

        CallbackAnswer tooSoon = telegram.awaitCallbackAnswer(
                telegram.press(bob, group, board.messageId(), board.buttonData("Refresh")));
        assertThat(tooSoon.text()).contains("up to date");

        btc("65500");                                    // a minute later, Alice 1.90% away: CRITICAL
        telegram.press(bob, group, board.messageId(), board.buttonData("Refresh"));
        assertThat(telegram.awaitEdit(group, board.messageId()).plainText())
                .contains("🔴 Alice: BTCUSDT LONG 5x isolated · 1.90% to liq.");

        btc("66000");
        telegram.userSaysInGroup(dave, group, "/board" + AT);
        assertThat(telegram.awaitEdit(group, board.messageId()).plainText()).contains("Alice").contains("2.64% to liq.");
        assertThat(inGroup(dave, group, "/help" + AT).plainText()).contains("/board");
        assertThat(telegram.sentTo(group)).filteredOn(m -> m.plainText().contains("Risk board")).hasSize(1);
    }

    @Test
    void shareButton_belongsToItsMember_anotherMembersPressIsRefusedAndChangesNothing() {
        long alice = member("Alice");
        long bob = member("Bob");
        long group = telegram.newGroup();

        SentMessage status = inGroup(alice, group, "/share" + AT);
        assertThat(status.plainText()).contains("You don't share your risk with this group");

        CallbackAnswer refused = telegram.awaitCallbackAnswer(
                telegram.press(bob, group, status.messageId(), status.buttonData("Share my risk")));
        assertThat(refused.text()).contains("This button belongs to another member");
        assertThat(refused.showAlert()).isTrue();
        assertThat(inGroup(bob, group, "/board" + AT).plainText()).contains("No one here shares");

        telegram.press(alice, group, status.messageId(), status.buttonData("Share my risk"));
        SentMessage edited = telegram.awaitEdit(group, status.messageId());
        assertThat(edited.plainText()).as("the first edit comes from Alice's press, none from Bob's")
                .contains("You now share");
        assertThat(edited.buttonLabels()).containsExactly("🙈 Stop sharing here");
    }

    @Test
    void share_inPrivate_pointsToGroups() {
        long alice = member("Alice");

        assertThat(privately(alice, "/share on")).contains("/share works in a group");
    }

    // --- leaderboard -----------------------------------------------------------------------------

    @Test
    void leaderboard_ranksBySurvival_showsLiquidations_andSwitchesPeriodInPlace() {
        long alice = member("Alice");
        long bob = member("Bob");
        long carol = member("Carol");
        long group = telegram.newGroup();
        for (long user : List.of(alice, bob, carol)) {
            inGroup(user, group, "/share" + AT + " on");
        }
        // at the mark (80,000): an @entry the last 24 hours did not trade would be practice, left out of the board
        privately(alice, "/long BTC 0.1 2x");
        privately(bob, "/long BTC 0.1 5x");
        // Carol "buys" a result with an entry nobody traded: a practice position, left out of the ranking
        assertThat(privately(carol, "/long BTC 0.01 10x @10000")).contains("Practice position");
        btc("84000");
        assertThat(privately(alice, "/close 1 50%")).contains("+200.00");
        assertThat(privately(carol, "/short BTC 0.01")).contains("+740.00");
        btc("64000");                                    // Bob liquidated (−1,600); Alice −800 open on 0.05 BTC
        telegram.awaitReplyContaining(bob, "LIQUIDATED");

        SentMessage board = inGroup(carol, group, "/leaderboard" + AT);

        // Alice: capital 10,000; equity 10,200 (peak) → 9,400: return −6%, drawdown 800 / 10,200 = 7.84%.
        // Bob: −1,600 by liquidation: return −16%, drawdown 16%, and a liquidation ranks him last anyway.
        // Both scores are negative: ranks, no medals.
        assertThat(board.plainText()).contains("Leaderboard · this week")
                .contains("1. Alice · score −13.84% (return −6.00%, max drawdown 7.84%)")
                .contains("2. Bob · score −32.00% (return −16.00%, max drawdown 16.00%) · 💀 1 liquidation")
                .contains("1 sharing member without trades this week is not ranked");
        assertThat(board.buttonLabels()).containsExactly("• Week •", "Month", "All time");

        telegram.press(bob, group, board.messageId(), board.buttonData("Month"));
        SentMessage month = telegram.awaitEdit(group, board.messageId());
        assertThat(month.plainText()).contains("Leaderboard · this month").contains("1. Alice");
        assertThat(month.buttonLabels()).containsExactly("Week", "• Month •", "All time");
        assertThat(inGroup(carol, group, "/leaderboard" + AT + " decade").plainText())
                .contains("Choose a period: week, month or all.");
    }

    // --- group alerts ----------------------------------------------------------------------------

    @Test
    void groupAlerts_anAnonymousAdmin_postingAsTheGroup_isAnAdmin() {
        long group = telegram.newGroup();
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        String text = "/groupalerts" + AT + " on";
        var chat = nodes.objectNode().put("id", group).put("type", "group").put("title", "Group " + group);
        var message = nodes.objectNode().put("message_id", 7).put("date", Instant.now().getEpochSecond())
                .put("text", text);
        // What Telegram sends for an admin who posts anonymously: from GroupAnonymousBot, sender_chat = the group.
        message.set("from", nodes.objectNode().put("id", 1087968824L).put("is_bot", true).put("first_name", "Group")
                .put("username", "GroupAnonymousBot"));
        message.set("sender_chat", chat.deepCopy());
        message.set("chat", chat);
        message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                .put("length", text.indexOf(' '));
        var update = nodes.objectNode();
        update.set("message", message);

        telegram.pushUpdate(update);

        assertThat(telegram.awaitReplyTo(group).plainText()).contains("Group alerts are on");
    }

    @Test
    void groupAlerts_onlyAdmins_checkedWithTelegramByNumericId() {
        long ada = member("Ada");
        long bob = member("Bob");
        long group = telegram.newGroup();
        telegram.makeCreator(group, ada);

        assertThat(inGroup(bob, group, "/groupalerts" + AT + " on").plainText())
                .contains("Only admins of this group can turn group alerts on or off.");
        assertThat(inGroup(ada, group, "/groupalerts" + AT + " on").plainText()).contains("Group alerts are on");
        assertThat(inGroup(bob, group, "/groupalerts" + AT + " off").plainText()).contains("Only admins");
        assertThat(inGroup(bob, group, "/groupalerts" + AT).plainText()).contains("Group alerts are on.");

        List<RecordedCall> lookups = telegram.calls("getchatmember").stream()
                .filter(call -> call.chatId() != null && call.chatId() == group).toList();
        assertThat(lookups).extracting(call -> call.params().path("user_id").asLong()).containsExactly(bob, ada, bob);
    }

    @Test
    void groupAlerts_aStormOfCriticalsAndLiquidations_isBatchedUnderTheGroupLimit() {
        long ada = member("Ada");
        long group = telegram.newGroup();
        telegram.makeAdmin(group, ada);
        inGroup(ada, group, "/groupalerts" + AT + " on");
        List<Long> traders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long trader = telegram.newUser();
            telegram.userSays(trader, "/start");
            traders.add(trader);
        }
        for (long trader : traders) {
            telegram.awaitReplyTo(trader);
        }
        for (int i = 0; i < traders.size(); i++) {
            long trader = traders.get(i);
            String name = "Trader" + (char) ('A' + i / 26) + (char) ('a' + i % 26);
            // Opt-in and order through the use cases: 30 /share replies would themselves exceed 20 a minute.
            QuarkusTransaction.requiringNew()
                    .run(() -> directory.setSharing(group, trader, name, true, chat.clock().instant()));
            trading.open(trader, new OpenOrder("BTCUSDT", Side.LONG, new BigDecimal("0.1"), null, 5,
                    MarginMode.ISOLATED, new BigDecimal("80000")));
        }
        int before = telegram.sentTo(group).size();

        btc("65500");                                    // all 30 CRITICAL in one tick
        batchWindowPasses();
        List<SentMessage> critical = awaitGroupLines(group, before, "1.90% from liquidation", 30);
        int afterCritical = telegram.sentTo(group).size();
        btc("64000");                                    // all 30 liquidated in one tick
        batchWindowPasses();
        List<SentMessage> liquidated = awaitGroupLines(group, afterCritical, "was liquidated", 30);

        assertThat(critical).as("30 alerts, batched").hasSizeLessThanOrEqualTo(2);
        assertThat(liquidated).as("30 liquidations, batched").hasSizeLessThanOrEqualTo(2);
        assertThat(String.join("\n", critical.stream().map(SentMessage::plainText).toList()))
                .contains("TraderAa: BTCUSDT LONG 5x isolated is 1.90% from liquidation (liq. 64,257.03).")
                .contains("TraderBd:");
        assertThat(String.join("\n", liquidated.stream().map(SentMessage::plainText).toList()))
                .contains("TraderAa was liquidated: BTCUSDT LONG isolated, 1,600.00 USDT of margin lost.");
        assertThat(maxSendsInAnyMinute(group)).isLessThanOrEqualTo(FakeTelegramResource.TEST_GROUP_PER_MINUTE);
    }

    // --- personal commands and the nudge ---------------------------------------------------------

    @Test
    void personalCommandInGroup_isAnsweredPrivately_orOffersThePrivateChat_learnStaysInTheGroup() {
        long alice = member("Alice");
        long dave = telegram.newUser();
        telegram.nameUser(dave, "Dave");
        telegram.userNeverStartedBot(dave);
        long group = telegram.newGroup();

        int asked = telegram.userSaysInGroup(alice, group, "/balance" + AT);
        SentMessage pointer = telegram.awaitReplyTo(group);
        assertThat(pointer.plainText()).isEqualTo("📬 Answered you in our private chat.");
        assertThat(pointer.replyToMessageId()).isEqualTo(asked);
        assertThat(telegram.awaitReplyTo(alice).plainText()).contains("Paper account").contains("Wallet: 10,000.00 USDT");

        asked = telegram.userSaysInGroup(dave, group, "/start" + AT);
        SentMessage welcome = telegram.awaitReplyTo(group);
        assertThat(welcome.plainText()).contains("Welcome, Dave");
        assertThat(welcome.replyToMessageId()).isEqualTo(asked);
        assertThat(welcome.buttonUrl("Open a private chat")).isEqualTo("https://t.me/SentinelBot?start=private");

        SentMessage lesson = inGroup(dave, group, "/learn" + AT + " cross");
        assertThat(lesson.plainText()).contains("Cross margin");
        assertThat(lesson.hasButtons()).isFalse();
    }

    @Test
    void memberWithoutPrivateChat_getsOneNudgeWithADeepLink_notOnEveryWarning() {
        long dave = telegram.newUser();
        telegram.nameUser(dave, "Dave");
        telegram.userNeverStartedBot(dave);
        long group = telegram.newGroup();
        inGroup(dave, group, "/start" + AT);
        assertThat(inGroup(dave, group, "/long" + AT + " BTC 0.1 5x @80000").plainText()).contains("BTCUSDT");

        btc("71000");                                    // WARNING: the bot may not write to Dave first
        batchWindowPasses();
        SentMessage nudge = telegram.awaitReplyContaining(group, "I have a risk warning for you");
        assertThat(nudge.text()).contains("<a href=\"tg://user?id=" + dave + "\">Dave</a>");
        assertThat(nudge.buttonUrl("Get my warnings")).isEqualTo("https://t.me/SentinelBot?start=warnings");

        btc("67000");                                    // DANGER: no second nudge
        telegram.assertNoReplyTo(group, Duration.ofMillis(3_000));

        telegram.userSays(dave, "/start " + PrivateChatLink.WARNINGS);   // what the deep link sends
        // the warning held for Dave (his position's first, so ahead of replies) may come before the reply
        assertThat(telegram.awaitReplyContaining(dave, "Our private chat is open").plainText())
                .contains("Our private chat is open");
        btc("65500");
        assertThat(chat.awaitNotice(dave, "CRITICAL")).contains("1.90% away");
    }

    // --- forum topics ----------------------------------------------------------------------------

    @Test
    void forumGroup_answersInTheTopicOfTheCommand_andAlertsGoToTheAlertsTopic() {
        long ada = member("Ada");
        long alice = member("Alice");
        long forum = telegram.newForum();
        telegram.makeAdmin(forum, ada);

        int asked = telegram.userSaysInTopic(alice, forum, 7, "/share" + AT + " on");
        SentMessage shared = telegram.awaitReplyTo(forum);
        assertThat(shared.messageThreadId()).isEqualTo(7);
        assertThat(shared.replyToMessageId()).isEqualTo(asked);
        telegram.userSaysInTopic(alice, forum, 7, "/board" + AT);
        assertThat(telegram.awaitReplyTo(forum).messageThreadId()).isEqualTo(7);
        telegram.userSaysInTopic(ada, forum, 9, "/groupalerts" + AT + " on");
        assertThat(telegram.awaitReplyTo(forum).plainText()).contains("Group alerts are on in this topic");

        privately(alice, "/long BTC 0.1 5x @80000");
        btc("65500");
        batchWindowPasses();
        SentMessage alert = telegram.awaitReplyContaining(forum, "Alice: BTCUSDT LONG 5x isolated is 1.90%");
        assertThat(alert.messageThreadId()).isEqualTo(9);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Group alerts wait for their batch on the application clock, which these tests move by hand. */
    private void batchWindowPasses() {
        chat.clock().advance(groupsConfig.alertBatchWindow());
    }

    private void btc(String mark) {
        chat.marks(Map.of("BTCUSDT", mark, "ETHUSDT", "2600", "SOLUSDT", "110"));
    }

    /** A user with a name and a paper account, who opened the private chat. */
    private long member(String name) {
        long user = telegram.newUser();
        telegram.nameUser(user, name);
        telegram.userSays(user, "/start");
        telegram.awaitReplyTo(user);
        return user;
    }

    private SentMessage inGroup(long user, long group, String text) {
        telegram.userSaysInGroup(user, group, text);
        return telegram.awaitReplyTo(group);
    }

    private String privately(long user, String text) {
        telegram.userSays(user, text);
        return telegram.awaitReplyTo(user).plainText();
    }

    /** Waits until the group's messages after the first {@code skip} hold {@code lines} lines with the fragment. */
    private List<SentMessage> awaitGroupLines(long group, int skip, String fragment, int lines) {
        Eventually.until(lines + " lines with '" + fragment + "' in group " + group, Duration.ofSeconds(15),
                () -> countLines(telegram.sentTo(group), skip, fragment) >= lines);
        List<SentMessage> sent = telegram.sentTo(group);
        return sent.subList(skip, sent.size()).stream().filter(m -> m.plainText().contains(fragment)).toList();
    }

    private static long countLines(List<SentMessage> sent, int skip, String fragment) {
        return sent.subList(skip, sent.size()).stream().flatMap(m -> m.plainText().lines())
                .filter(line -> line.contains(fragment)).count();
    }

    private int maxSendsInAnyMinute(long group) {
        List<Long> times = telegram.callsTo(group).stream().filter(RecordedCall::isSendOrEdit)
                .filter(RecordedCall::succeeded).map(RecordedCall::nanoTime).sorted().collect(Collectors.toList());
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 60_000_000_000L) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }
}
