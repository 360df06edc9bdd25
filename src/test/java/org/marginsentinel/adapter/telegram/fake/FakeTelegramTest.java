package org.marginsentinel.adapter.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.DeleteMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake speaks the Bot API well enough for the real TelegramBots client (no Quarkus here). */
class FakeTelegramTest {

    private final FakeTelegram telegram = FakeTelegram.start();
    private final TelegramUrl url = new TelegramUrl("http", "127.0.0.1",
            URI.create(telegram.baseUrl()).getPort(), false);
    private final OkHttpTelegramClient client = new OkHttpTelegramClient(FakeTelegram.TOKEN, url);

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void getMe_describesTheBot() throws Exception {
        assertThat(client.execute(new GetMe()).getUserName()).isEqualTo(FakeTelegram.BOT_USERNAME);
    }

    @Test
    void methodNames_areCaseInsensitive_andWrongTokensGet401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> upper = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot" + FakeTelegram.TOKEN + "/SENDMESSAGE"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chat_id\":\"5\",\"text\":\"hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badToken = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot1:wrong/getMe"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.baseUrl() + "/bot" + FakeTelegram.TOKEN + "/sendDice"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upper.statusCode()).isEqualTo(200);
        assertThat(upper.body()).contains("\"ok\":true").contains("\"text\":\"hi\"");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.body()).isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(telegram.sentTo(5)).extracting(SentMessage::text).containsExactly("hi");
    }

    @Test
    void getUpdates_longPolls_untilAnUpdateArrives_andHonoursTheOffset() throws Exception {
        long user = telegram.newUser();
        long start = System.nanoTime();
        List<Update> none = client.execute(GetUpdates.builder().offset(1).timeout(1).build());
        assertThat(none).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        Thread pusher = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            telegram.userSays(user, "/help");
        });
        pusher.start();
        List<Update> one = client.execute(GetUpdates.builder().offset(1).timeout(10).build());
        pusher.join();
        assertThat(one).hasSize(1);
        Update update = one.get(0);
        assertThat(update.getMessage().getText()).isEqualTo("/help");
        assertThat(update.getMessage().getChatId()).isEqualTo(user);

        // Same offset: not confirmed yet, delivered again. Higher offset: confirmed and gone.
        assertThat(client.execute(GetUpdates.builder().offset(1).timeout(0).build())).hasSize(1);
        assertThat(client.execute(GetUpdates.builder().offset(update.getUpdateId() + 1).timeout(0).build())).isEmpty();
    }

    @Test
    void editing_text_markup_andNotModified() throws Exception {
        long user = telegram.newUser();
        InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text("Go").callbackData("go").build())).build();
        Message sent = client.execute(SendMessage.builder().chatId(user).text("v1").replyMarkup(keyboard).build());

        Serializable edited = client.execute(EditMessageText.builder().chatId(user).messageId(sent.getMessageId())
                .text("v2").replyMarkup(keyboard).build());
        assertThat(((Message) edited).getText()).isEqualTo("v2");
        client.execute(EditMessageReplyMarkup.builder().chatId(user).messageId(sent.getMessageId()).build());

        assertThat(telegram.message(user, sent.getMessageId()).hasButtons()).isFalse();
        assertThat(telegram.awaitEdit(user, sent.getMessageId()).text()).isEqualTo("v2");
        assertThatThrownBy(() -> client.execute(EditMessageText.builder().chatId(user)
                .messageId(sent.getMessageId()).text("v2").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(400);
                    assertThat(e.getApiResponse()).startsWith("Bad Request: message is not modified");
                });
    }

    @Test
    void failureSwitches_use403And429WithRetryAfter() {
        long blocked = telegram.newUser();
        long limited = telegram.newUser();
        telegram.blockBy(blocked);
        telegram.rateLimitNext(limited, 1, 7);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(blocked).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
                });
        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(limited).text("x").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(429);
                    assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
                });
        assertThat(telegram.callsTo(limited)).extracting(RecordedCall::status).containsExactly(429);
    }

    @Test
    void sendPhoto_multipart_isParsed() throws Exception {
        long user = telegram.newUser();
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        Message sent = client.execute(SendPhoto.builder().chatId(user)
                .photo(new InputFile(new ByteArrayInputStream(png.toByteArray()), "chart.png"))
                .caption("<b>BTC</b>").parseMode("html").build());

        assertThat(sent.getPhoto()).isNotEmpty();
        assertThat(telegram.photos()).singleElement().satisfies(photo -> {
            assertThat(photo.chatId()).isEqualTo(user);
            assertThat(photo.caption()).isEqualTo("<b>BTC</b>");
            assertThat(photo.bytes()).isEqualTo(png.size());
            assertThat(photo.png()).isTrue();
        });
    }

    @Test
    void commandsAndChatMembers() throws Exception {
        assertThat(client.execute(new DeleteMyCommands())).isTrue();
        ChatMember member = client.execute(GetChatMember.builder().chatId(-5L).userId(42L).build());
        assertThat(member.getStatus()).isEqualTo("member");
        assertThat(telegram.calls("deleteMyCommands")).hasSize(1);
    }

    @Test
    void chatMembers_adminsAndCreatorsPerGroup_deserializeInTheLibrary() throws Exception {
        long group = telegram.newGroup();
        telegram.makeAdmin(group, 42);
        telegram.makeCreator(group, 43);

        assertThat(client.execute(GetChatMember.builder().chatId(group).userId(42L).build()).getStatus())
                .isEqualTo("administrator");
        assertThat(client.execute(GetChatMember.builder().chatId(group).userId(43L).build()).getStatus())
                .isEqualTo("creator");
        assertThat(client.execute(GetChatMember.builder().chatId(-5L).userId(42L).build()).getStatus())
                .as("admin of one group only").isEqualTo("member");
    }

    @Test
    void userWhoNeverStartedTheBot_cannotBeWrittenTo_untilTheyWrite() throws Exception {
        long user = telegram.newUser();
        telegram.userNeverStartedBot(user);

        assertThatThrownBy(() -> client.execute(SendMessage.builder().chatId(user).text("hi").build()))
                .isInstanceOfSatisfying(TelegramApiRequestException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(403);
                    assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot can't initiate conversation with a user");
                });
        telegram.userSays(user, "/start");
        assertThat(client.execute(SendMessage.builder().chatId(user).text("hello").build()).getText()).isEqualTo("hello");
    }

    @Test
    void topicsLinkButtonsAndBotAdded_travelAsTelegramWouldSendThem() throws Exception {
        long forum = telegram.newForum();
        long user = telegram.newUser();
        telegram.botAddedToGroup(user, forum);
        telegram.userSaysInTopic(user, forum, 7, "/board@" + FakeTelegram.BOT_USERNAME);
        client.execute(SendMessage.builder().chatId(forum).text("t").messageThreadId(7)
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("open").url("https://t.me/x?start=y").build())).build())
                .build());

        List<Update> updates = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).getMyChatMember().getOldChatMember().getStatus()).isEqualTo("left");
        assertThat(updates.get(0).getMyChatMember().getNewChatMember().getStatus()).isEqualTo("member");
        Message typed = updates.get(1).getMessage();
        assertThat(typed.getMessageThreadId()).isEqualTo(7);
        assertThat(typed.isTopicMessage()).isTrue();
        assertThat(typed.getChat().getIsForum()).isTrue();
        assertThat(telegram.awaitReplyTo(forum).buttonUrl("open")).isEqualTo("https://t.me/x?start=y");
    }
}
