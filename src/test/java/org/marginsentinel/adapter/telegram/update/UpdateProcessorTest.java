package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.groups.GroupViews;
import org.marginsentinel.adapter.telegram.i18n.InMemoryUserLanguages;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.store.InMemoryConfirmations;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.testsupport.fakes.FixedCommands;
import org.marginsentinel.testsupport.fakes.InMemoryChats;
import org.marginsentinel.testsupport.fakes.MutableClock;
import org.marginsentinel.testsupport.fakes.RecordingMessageQueue;

/**
 * One update in one transaction, in plain JUnit: the stores and the outbox in memory, a few commands of the test's
 * own. What a user sees is the queued messages and the answer to a button press.
 */
class UpdateProcessorTest {

    private static final Texts ENGLISH = Texts.of(Language.EN);

    private static final long ALICE = 42;
    private static final long BOB = 77;
    private static final long GROUP = -500;
    private static final Duration CONFIRMATION_TTL = Duration.ofMinutes(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final RecordingMessageQueue outbox = new RecordingMessageQueue();
    private final InMemoryChats chats = new InMemoryChats();
    private final InMemoryConfirmations confirmations = new InMemoryConfirmations();
    private final AtomicInteger echoes = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private UpdateProcessor processor;
    private int nextUpdateId = 1;

    @BeforeEach
    void wire() {
        FixedCommands commands = new FixedCommands()
                .add(command(CommandSpec.hidden("echo", "/echo <text>", "Says it back"), context -> {
                    echoes.incrementAndGet();
                    return BotReply.html("echo: " + context.argumentText());
                }))
                .add(command(CommandSpec.of("mine", "/mine", "/mine", CommandSpec.Where.PERSONAL, "Your account"),
                        context -> BotReply.html("your account, " + context.userDisplayName())))
                .add(command(CommandSpec.hidden("close", "/close <number>", "Closes a position"),
                        context -> BotReply.confirm("Close position " + context.argumentText() + "?", "close",
                                context.argumentText())))
                .add(command(CommandSpec.hidden("refuse", "/refuse <number>", "Always refuses"), context -> {
                    refusals.incrementAndGet();
                    throw new CommandRejected("You have no position " + context.argumentText() + ".");
                }))
                .add(new ConfirmableAction() {
                    @Override
                    public String key() {
                        return "close";
                    }

                    @Override
                    public BotReply confirmed(CommandContext context, String payload) {
                        closes.incrementAndGet();
                        return BotReply.html("Closed position " + payload + ".");
                    }
                });
        BotConnection connection = new BotConnection();
        connection.connect(null, null, "sentinel_bot");
        processor = new UpdateProcessor(commands, outbox, chats, chats, confirmations, chats, chats,
                new InMemoryUserLanguages(), connection,
                CONFIRMATION_TTL, clock);
    }

    @Test
    void aReplayedUpdate_isANoOp() {
        Inbound echo = message(ALICE, "private", ALICE, "/echo hi");

        assertThat(processor.process(echo)).isEqualTo(Outcome.DONE);
        assertThat(processor.process(echo)).isEqualTo(Outcome.DUPLICATE);

        assertThat(echoes).hasValue(1);
        assertThat(outbox.queued()).extracting(OutgoingMessage::html).containsExactly("echo: hi");
    }

    @Test
    void aCommandsReply_isQueuedToTheChatItWasTypedIn_threadedToItInAGroup() {
        processor.process(message(ALICE, "private", ALICE, "/echo in private"));
        Inbound inGroup = message(GROUP, "supergroup", ALICE, "/echo in the group");
        processor.process(inGroup);

        assertThat(outbox.to(ALICE)).singleElement().satisfies(reply -> {
            assertThat(reply.html()).isEqualTo("echo: in private");
            assertThat(reply.replyToMessageId()).isNull();
            assertThat(reply.priority()).isEqualTo(OutgoingMessage.PRIORITY_REPLY);
        });
        assertThat(outbox.to(GROUP)).singleElement().satisfies(reply -> {
            assertThat(reply.html()).isEqualTo("echo: in the group");
            assertThat(reply.replyToMessageId()).isEqualTo(inGroup.messageId());
        });
        assertThat(chats.members(GROUP)).containsExactly(ALICE);
    }

    @Test
    void aPersonalCommandTypedInAGroup_isAnsweredInPrivate_withAPointerInTheGroup() {
        processor.process(message(ALICE, "private", ALICE, "/echo hello")); // Alice opened the private chat
        Inbound mine = message(GROUP, "supergroup", ALICE, "/mine");

        processor.process(mine);

        assertThat(outbox.to(ALICE)).extracting(OutgoingMessage::html).last().isEqualTo("your account, Alice");
        assertThat(outbox.to(GROUP)).singleElement().satisfies(pointer -> {
            assertThat(pointer.html()).isEqualTo(GroupViews.answeredPrivately(Texts.of(Language.EN)));
            assertThat(pointer.replyToMessageId()).isEqualTo(mine.messageId());
        });
    }

    @Test
    void aRejectedCommand_getsTheFriendlyReplyWithItsUsage_andChangesNothing() {
        Inbound refuse = message(ALICE, "private", ALICE, "/refuse 7");

        // The normal path throws, so UpdateHandler rolls its transaction back ...
        assertThatThrownBy(() -> processor.process(refuse)).isInstanceOf(CommandRejected.class);
        // ... and records the update in a second one (the in-memory stores start again from nothing here).
        UpdateProcessorTest afterRollback = new UpdateProcessorTest();
        afterRollback.wire();
        Outcome outcome = afterRollback.processor.recordRejection(refuse,
                new CommandRejected("You have no position 7."));

        assertThat(outcome.duplicate()).isFalse();
        assertThat(afterRollback.outbox.queued()).singleElement().satisfies(reply -> {
            assertThat(reply.chatId()).isEqualTo(ALICE);
            assertThat(reply.html()).isEqualTo("⚠️ You have no position 7.\nUsage: <code>/refuse &lt;number&gt;</code>");
        });
        assertThat(afterRollback.refusals).as("the command is not run again").hasValue(0);
        assertThat(afterRollback.confirmations.count()).isZero();
        assertThat(afterRollback.processor.process(refuse)).as("recorded: a replay does nothing")
                .isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void aConfirmationButtonPressedBySomeoneElse_isRefused_andTheQuestionStaysOpen() {
        Inbound close = message(GROUP, "supergroup", ALICE, "/close 1");
        processor.process(close);
        OutgoingMessage question = outbox.to(GROUP).get(0);

        Outcome outcome = processor.process(press(GROUP, BOB, question, confirmButton(question)));

        assertThat(outcome.alert()).isTrue();
        assertThat(outcome.callbackAnswer()).isEqualTo(ENGLISH.get(BotTexts.NOT_YOUR_BUTTON));
        assertThat(closes).hasValue(0);
        assertThat(outbox.queued()).containsExactly(question);
        assertThat(confirmations.status(1)).hasValue("PENDING");
    }

    @Test
    void aConfirmation_actsOnce_evenWhenPressedTwice() {
        processor.process(message(ALICE, "private", ALICE, "/close 1"));
        OutgoingMessage question = outbox.to(ALICE).get(0);
        Inbound first = press(ALICE, ALICE, question, confirmButton(question));

        Outcome confirmed = processor.process(first);
        Outcome again = processor.process(press(ALICE, ALICE, question, confirmButton(question)));
        Outcome replayed = processor.process(first);

        assertThat(confirmed.callbackAnswer()).isEqualTo(ENGLISH.get(BotTexts.CONFIRMED_ANSWER));
        assertThat(again.callbackAnswer()).isEqualTo(ENGLISH.get(BotTexts.ALREADY_ANSWERED));
        assertThat(replayed).isEqualTo(Outcome.DUPLICATE);
        assertThat(closes).hasValue(1);
        assertThat(outbox.queued()).hasSize(2).last().satisfies(edit -> {
            assertThat(edit.editMessageId()).isEqualTo(first.messageId());
            assertThat(edit.html()).isEqualTo("Closed position 1.");
        });
    }

    @Test
    void aConfirmationPressedAfterItsDeadline_expires_andDoesNothing() {
        processor.process(message(ALICE, "private", ALICE, "/close 1"));
        OutgoingMessage question = outbox.to(ALICE).get(0);
        clock.advance(CONFIRMATION_TTL);

        Outcome outcome = processor.process(press(ALICE, ALICE, question, confirmButton(question)));

        assertThat(outcome.callbackAnswer()).isEqualTo(ENGLISH.get(BotTexts.EXPIRED_ANSWER));
        assertThat(closes).hasValue(0);
        assertThat(confirmations.status(1)).hasValue("EXPIRED");
    }

    // --- helpers -------------------------------------------------------------------------------

    private interface Handler {
        BotReply handle(CommandContext context);
    }

    private static ChatCommand command(CommandSpec spec, Handler handler) {
        return new ChatCommand() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public BotReply handle(CommandContext context) {
                return handler.handle(context);
            }
        };
    }

    /** A text message; its message id is its update id plus 1000. */
    private Inbound message(long chatId, String chatType, long userId, String text) {
        int updateId = nextUpdateId++;
        return new Inbound(Inbound.Kind.MESSAGE, updateId, chatId, chatType, null, userId, name(userId),
                1000 + updateId, null, text, null, null, null, null, false);
    }

    /** A press on a button of {@code pressed}, the message the bot sent (its id: 2000 plus its chat's count). */
    private Inbound press(long chatId, long userId, OutgoingMessage pressed, String callbackData) {
        int updateId = nextUpdateId++;
        int messageId = 2000 + outbox.to(pressed.chatId()).indexOf(pressed);
        return new Inbound(Inbound.Kind.CALLBACK, updateId, chatId, chatId < 0 ? "supergroup" : "private", null,
                userId, name(userId), messageId, null, null, "query-" + updateId, callbackData, null, null, false);
    }

    private static String confirmButton(OutgoingMessage question) {
        return question.buttons().stream().flatMap(List::stream).filter(b -> b.label().equals(ENGLISH.get(BotTexts.CONFIRM_LABEL)))
                .map(Button::callbackData).findFirst().orElseThrow();
    }

    private static String name(long userId) {
        return userId == ALICE ? "Alice" : "Bob";
    }
}
