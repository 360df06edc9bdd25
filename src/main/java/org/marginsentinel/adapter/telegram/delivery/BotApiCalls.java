package org.marginsentinel.adapter.telegram.delivery;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.format.MessageChunker;
import org.marginsentinel.adapter.telegram.store.OutboxRow;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns outbox rows into one Bot API call (sendMessage, editMessageText, sendPhoto or deleteMessage) and makes it. Several merged
 * rows become one message, separated by a blank line. A plain-text row goes out without parse mode.
 */
final class BotApiCalls {

    private static final Logger LOG = Logger.getLogger(BotApiCalls.class);
    static final String SEPARATOR = "\n\n";

    private final TelegramClient client;
    /** The PNG of a photo row, if still kept. */
    private final LongFunction<Optional<byte[]>> photos;

    BotApiCalls(TelegramClient client, LongFunction<Optional<byte[]>> photos) {
        this.client = client;
        this.photos = photos;
    }

    /** The head row plus the following rows that can share its message. */
    static List<OutboxRow> mergeable(List<OutboxRow> rowsOfOneChat) {
        OutboxRow head = rowsOfOneChat.get(0);
        List<OutboxRow> batch = new ArrayList<>();
        batch.add(head);
        int length = head.html().length();
        for (int i = 1; i < rowsOfOneChat.size(); i++) {
            OutboxRow next = rowsOfOneChat.get(i);
            int merged = length + SEPARATOR.length() + next.html().length();
            if (!next.mergeableWith(head) || merged > MessageChunker.TELEGRAM_LIMIT) {
                break;
            }
            batch.add(next);
            length = merged;
        }
        return batch;
    }

    /** The failure a call ended with, as the {@link DeliveryFailurePolicy} reads it. */
    static TelegramAnswer answerOf(Exception failure) {
        if (!(failure instanceof TelegramApiRequestException e)) {
            return TelegramAnswer.noAnswer(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? String.valueOf(e.getMessage()) : e.getApiResponse();
        if (e.getParameters() == null) {
            return new TelegramAnswer(code, description, null, null);
        }
        return new TelegramAnswer(code, description, e.getParameters().getRetryAfter(),
                e.getParameters().getMigrateToChatId());
    }

    /** Makes the call; returns the id of the message Telegram shows (null if it did not say). */
    Integer deliver(List<OutboxRow> batch) throws TelegramApiException {
        OutboxRow head = batch.get(0);
        // a digest of warnings carries the buttons of its most urgent warning that has any
        InlineKeyboardMarkup markup = keyboard(batch.stream().map(OutboxRow::buttonsJson).filter(Objects::nonNull)
                .findFirst().orElse(null));
        String parseMode = head.plainText() ? null : ParseMode.HTML;
        LinkPreviewOptions noPreview = LinkPreviewOptions.builder().isDisabled(true).build();
        if (head.deleteMessage()) {
            client.execute(DeleteMessage.builder().chatId(head.chatId()).messageId(head.editMessageId()).build());
            return head.editMessageId();
        }
        if (head.editMessageId() != null) {
            EditMessageText edit = EditMessageText.builder()
                    .chatId(head.chatId())
                    .messageId(head.editMessageId())
                    .text(head.html())
                    .parseMode(parseMode)
                    .linkPreviewOptions(noPreview)
                    .replyMarkup(markup)
                    .build();
            Serializable result = client.execute(edit);
            return result instanceof Message message ? message.getMessageId() : head.editMessageId();
        }
        if (head.hasPhoto()) {
            Optional<byte[]> png = photos.apply(head.id());
            if (png.isPresent()) {
                return sendPhoto(head, png.get(), markup, parseMode);
            }
            LOG.warnf("The picture of outbox message %d is gone; sending its caption as text", head.id());
        }
        String text = batch.size() == 1 ? head.html()
                : String.join(SEPARATOR, batch.stream().map(OutboxRow::html).toList());
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(head.chatId())
                .text(text)
                .parseMode(parseMode)
                .linkPreviewOptions(noPreview)
                .messageThreadId(head.messageThreadId())
                .replyMarkup(markup);
        if (head.silent()) {
            send.disableNotification(true);
        }
        if (head.replyToMessageId() != null) {
            send.replyParameters(ReplyParameters.builder()
                    .messageId(head.replyToMessageId()).allowSendingWithoutReply(true).build());
        }
        Message sent = client.execute(send.build());
        return sent == null ? null : sent.getMessageId();
    }

    private Integer sendPhoto(OutboxRow row, byte[] png, InlineKeyboardMarkup markup, String parseMode)
            throws TelegramApiException {
        SendPhoto.SendPhotoBuilder<?, ?> send = SendPhoto.builder()
                .chatId(row.chatId())
                .photo(new InputFile(new ByteArrayInputStream(png), "chart-" + row.id() + ".png"))
                .caption(row.html())
                .parseMode(parseMode)
                .messageThreadId(row.messageThreadId())
                .replyMarkup(markup);
        if (row.silent()) {
            send.disableNotification(true);
        }
        if (row.replyToMessageId() != null) {
            send.replyParameters(ReplyParameters.builder()
                    .messageId(row.replyToMessageId()).allowSendingWithoutReply(true).build());
        }
        Message sent = client.execute(send.build());
        return sent == null ? null : sent.getMessageId();
    }

    private static InlineKeyboardMarkup keyboard(String buttonsJson) {
        List<List<Button>> rows = ButtonsJson.read(buttonsJson);
        if (rows.isEmpty()) {
            return null;
        }
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> markup = InlineKeyboardMarkup.builder();
        for (List<Button> row : rows) {
            InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
            for (Button button : row) {
                keyboardRow.add(button.isLink()
                        ? InlineKeyboardButton.builder().text(button.label()).url(button.url()).build()
                        : InlineKeyboardButton.builder().text(button.label()).callbackData(button.callbackData()).build());
            }
            markup.keyboardRow(keyboardRow);
        }
        return markup.build();
    }
}
