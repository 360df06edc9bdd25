package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;

/** Conversations with the real TelegramBots library against the fake Bot API. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class BotConversationE2ETest {

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Inject
    TestCommands.Count counter;

    @Test
    void help_listsEveryVisibleCommand_withAnExample_inOneMessage() {
        long user = telegram.newUser();

        telegram.userSays(user, "/help");

        SentMessage reply = telegram.awaitReplyTo(user);
        assertThat(reply.parseMode()).isEqualTo("html");
        assertThat(reply.linkPreviewDisabled()).isTrue();
        assertThat(reply.replyToMessageId()).as("no quoting in private chats").isNull();
        assertThat(reply.text()).as("one message, from the title to the last command")
                .startsWith("<b>Margin Sentinel commands</b>")
                .contains("/learn – How isolated and cross margin work")
                .contains("e.g. <code>/learn cross</code>")
                .contains("/long – ").contains("e.g. <code>/long BTC 0.01 20x</code>")
                .contains("/stress – ").contains("/board – ").contains("/chart – ")
                .contains("/help – ").contains("<code>/help &lt;command&gt;</code>")
                .doesNotContain("test_");
        assertThat(reply.plainText().indexOf("/learn – ")).as("learn (order 900) before help (order 1000)")
                .isLessThan(reply.plainText().indexOf("/help – "));
    }

    @Test
    void help_forOneCommand_describesIt() {
        long user = telegram.newUser();

        telegram.userSays(user, "/help /LEARN");

        assertThat(telegram.awaitReplyTo(user).plainText())
                .isEqualTo("/learn [isolated|cross|odds]\nHow isolated and cross margin work, their risks, and the odds of liquidation\n"
                        + "Example: /learn cross");
    }

    @Test
    void help_inGroup_addressedToUs_repliesToTheMessage() {
        long user = telegram.newUser();
        long group = telegram.newGroup();

        int asked = telegram.userSaysInGroup(user, group, "/help@" + FakeTelegram.BOT_USERNAME);

        SentMessage reply = telegram.awaitReplyTo(group);
        assertThat(reply.plainText()).contains("/learn – ").contains("/board – ").contains("/price – ")
                .contains("In groups, add my name to commands: /help@" + FakeTelegram.BOT_USERNAME);
        assertThat(reply.plainText()).as("a group hears only what works there")
                .doesNotContain("/long – ").doesNotContain("/withdraw – ").doesNotContain("/balance – ")
                .contains("works in a private chat with me");
        assertThat(reply.replyToMessageId()).isEqualTo(asked);
    }

    @Test
    void commandForAnotherBot_unknownBareCommand_andChatterInGroups_areIgnored() {
        long user = telegram.newUser();
        long group = telegram.newGroup();

        telegram.userSaysInGroup(user, group, "/help@OtherBot");
        telegram.userSaysInGroup(user, group, "good morning everyone");
        telegram.userSaysInGroup(user, group, "/frobnicate BTC");
        telegram.userSaysInGroup(user, group, "/test_count g" + group);

        // Updates of one chat are handled in order, so the next message must be the count.
        assertThat(telegram.awaitReplyTo(group).plainText()).isEqualTo("count g" + group + " = 1");
        assertThat(telegram.sentTo(group)).hasSize(1);
    }

    @Test
    void unknownCommand_pointsToHelp() {
        long user = telegram.newUser();

        telegram.userSays(user, "/liquidate_everything now");

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo(
                "I don't know the command <code>/liquidate_everything</code>. Send /help to see what I can do.");
    }

    @Test
    void unknownCommand_inGroup_isAnsweredOnlyWhenAddressedToUs() {
        long user = telegram.newUser();
        long group = telegram.newGroup();

        telegram.userSaysInGroup(user, group, "/frobnicate@" + FakeTelegram.BOT_USERNAME + " BTC");

        assertThat(telegram.awaitReplyTo(group).text()).startsWith("I don't know the command <code>/frobnicate</code>.");
    }

    @Test
    void unknownCommand_withMarkup_isEscaped() {
        long user = telegram.newUser();

        telegram.userSays(user, "/<b>x</b>");

        assertThat(telegram.awaitReplyTo(user).text()).contains("<code>/&lt;b&gt;x&lt;/b&gt;</code>");
    }

    @Test
    void plainTextInPrivateChat_getsAOneLineHint() {
        long user = telegram.newUser();

        telegram.userSays(user, "hello bot");

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo("I only understand commands. Send /help to see them.");
    }

    @Test
    void learn_withoutTopic_givesTheOverviewAndComparison() {
        long user = telegram.newUser();

        telegram.userSays(user, "/learn");

        SentMessage reply = telegram.awaitReplyTo(user);
        assertThat(reply.plainText()).contains("Isolated").contains("Cross").contains("Side by side")
                .contains("/learn isolated").contains("/learn cross");
        assertThat(reply.text().length()).isLessThan(4096);
    }

    @Test
    void learnCross_explainsCrossMargin() {
        long user = telegram.newUser();

        telegram.userSays(user, "/learn CROSS");

        SentMessage reply = telegram.awaitReplyTo(user);
        assertThat(reply.text()).startsWith("<b>🌊 Cross margin</b>").contains("P&amp;L").contains("Risks")
                .contains("Good for");
        assertThat(reply.text().length()).isLessThan(4096);
    }

    @Test
    void learnIsolated_explainsIsolatedMargin() {
        long user = telegram.newUser();

        telegram.userSays(user, "/learn isolated");

        assertThat(telegram.awaitReplyTo(user).text()).startsWith("<b>🔒 Isolated margin</b>").contains("Risks");
    }

    @Test
    void learnUnknownTopic_listsTheTopics() {
        long user = telegram.newUser();

        telegram.userSays(user, "/learn hedging <now>");

        assertThat(telegram.awaitReplyTo(user).text()).isEqualTo(
                "⚠️ I have no lesson called &quot;hedging &lt;now&gt;&quot;. Topics: isolated, cross, odds "
                        + "(or /learn alone for the overview).\nUsage: <code>/learn [isolated|cross|odds]</code>");
    }

    @Test
    void absurdlyLongArguments_areRefusedPolitely() {
        long user = telegram.newUser();

        telegram.userSays(user, "/test_count " + "x".repeat(600));

        assertThat(telegram.awaitReplyTo(user).plainText())
                .startsWith("⚠️ That is too long for me (600 characters after the command; the limit is 512)");
        assertThat(counter.count("x".repeat(600))).isZero();
    }

    @Test
    void buttonPressWithoutSender_isAnsweredAndIgnored() {
        long user = telegram.newUser();
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var query = nodes.objectNode().put("id", "cbq-nofrom-" + user).put("chat_instance", "ci").put("data", "cf:1");
        query.set("message", nodes.objectNode().put("message_id", 3).put("date", 1_700_000_000L)
                .set("chat", nodes.objectNode().put("id", user).put("type", "private")));
        var update = nodes.objectNode();
        update.set("callback_query", query);

        telegram.pushUpdate(update);

        assertThat(telegram.awaitCallbackAnswer("cbq-nofrom-" + user)).isNotNull();
        telegram.assertNoReplyTo(user, java.time.Duration.ofMillis(300));
    }

    @Test
    void commandMenu_isPublishedFromTheVisibleCommands() {
        // Every visible command, in help order, and none of the hidden test commands.
        assertThat(telegram.commandMenu().keySet()).startsWith("start").contains("help", "learn", "long", "close")
                .noneMatch(name -> name.startsWith("test_"));
        assertThat(telegram.commandMenu()).containsEntry("learn", "How isolated and cross margin work, their risks, and the odds of liquidation");
        assertThat(telegram.calls("getme")).isNotEmpty();
        assertThat(telegram.calls("getupdates").get(0).params().path("allowed_updates").toString())
                .isEqualTo("[\"message\",\"callback_query\",\"my_chat_member\"]");
    }

    @Test
    void groupMenu_listsWhatTheGroupShares_notPersonalAccountCommands() {
        assertThat(telegram.commandMenu("all_group_chats").keySet())
                .contains("board", "leaderboard", "price", "learn", "help")
                .doesNotContain("deposit", "withdraw", "balance", "long", "close", "start")
                .noneMatch(name -> name.startsWith("test_"));
    }
}
