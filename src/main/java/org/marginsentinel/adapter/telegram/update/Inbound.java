package org.marginsentinel.adapter.telegram.update;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The parts of a Telegram {@link Update} the bot acts on, without TelegramBots types. This is the
 * only place that reads {@code Update}s.
 *
 * @param anonymousAdmin a group admin who posts anonymously: Telegram sends the message from GroupAnonymousBot
 *                       with {@code sender_chat} = the group itself, which only the group's admins can do
 * @param languageCode   the sender's {@code language_code} as Telegram reports it, or null
 */
record Inbound(Kind kind, long updateId, long chatId, String chatType, String chatTitle, long userId,
               String userDisplayName, Integer messageId, Integer messageThreadId, String text,
               String callbackQueryId, String callbackData, String memberStatus, String previousMemberStatus,
               boolean anonymousAdmin, String languageCode) {

    /** An update without a language code (Telegram sends none for some clients and for anonymous admins). */
    Inbound(Kind kind, long updateId, long chatId, String chatType, String chatTitle, long userId,
            String userDisplayName, Integer messageId, Integer messageThreadId, String text, String callbackQueryId,
            String callbackData, String memberStatus, String previousMemberStatus, boolean anonymousAdmin) {
        this(kind, updateId, chatId, chatType, chatTitle, userId, userDisplayName, messageId, messageThreadId, text,
                callbackQueryId, callbackData, memberStatus, previousMemberStatus, anonymousAdmin, null);
    }

    enum Kind {
        /** A text message (commands and chatter). */
        MESSAGE,
        /** A button press. */
        CALLBACK,
        /** The bot was blocked / unblocked, added to or removed from a chat. */
        MEMBERSHIP,
        /** Anything else (photos without text, channel posts, …): ignored. */
        IGNORED
    }

    boolean privateChat() {
        return "private".equals(chatType);
    }

    /** A group or supergroup (not a private chat or a channel). */
    boolean groupChat() {
        return "group".equals(chatType) || "supergroup".equals(chatType);
    }

    /** Updates with the same key are handled one after another, in order. */
    long orderingKey() {
        return chatId;
    }

    static Inbound from(ReceivedUpdate received) {
        Update update = received.update();
        long updateId = received.updateId();
        if (update.hasMessage() && update.getMessage().getFrom() != null) {
            Message message = update.getMessage();
            return new Inbound(Kind.MESSAGE, updateId, message.getChatId(), type(message.getChat()),
                    title(message.getChat()), message.getFrom().getId(), displayName(message.getFrom()),
                    message.getMessageId(), message.isTopicMessage() ? message.getMessageThreadId() : null,
                    message.getText(), null, null, null, null, postedAsTheGroup(message),
                    message.getFrom().getLanguageCode());
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() == null) {
            // Nobody to authorise or answer to by id: stop the spinner and do nothing else.
            return new Inbound(Kind.IGNORED, updateId, 0, null, null, 0, null, null, null, null,
                    update.getCallbackQuery().getId(), null, null, null, false);
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            CallbackQuery query = update.getCallbackQuery();
            MaybeInaccessibleMessage message = query.getMessage();
            Integer thread = message instanceof Message full && full.isTopicMessage() ? full.getMessageThreadId() : null;
            return new Inbound(Kind.CALLBACK, updateId, message.getChatId(), type(message.getChat()),
                    title(message.getChat()), query.getFrom().getId(), displayName(query.getFrom()),
                    message.getMessageId(), thread, null, query.getId(), query.getData(), null, null, false,
                    query.getFrom().getLanguageCode());
        }
        if (update.getMyChatMember() != null) {
            ChatMemberUpdated member = update.getMyChatMember();
            String status = member.getNewChatMember() == null ? null : member.getNewChatMember().getStatus();
            String before = member.getOldChatMember() == null ? null : member.getOldChatMember().getStatus();
            User from = member.getFrom();
            return new Inbound(Kind.MEMBERSHIP, updateId, member.getChat().getId(), type(member.getChat()),
                    title(member.getChat()), from == null ? 0 : from.getId(), displayName(from), null, null, null,
                    null, null, status, before, false);
        }
        if (update.hasCallbackQuery()) {
            // A press on an inline-mode message: no chat to answer in, but the spinner must stop.
            CallbackQuery query = update.getCallbackQuery();
            return new Inbound(Kind.IGNORED, updateId, 0, null, null, query.getFrom().getId(), null, null, null,
                    null, query.getId(), query.getData(), null, null, false);
        }
        return new Inbound(Kind.IGNORED, updateId, 0, null, null, 0, null, null, null, null, null, null, null, null,
                false);
    }

    private static boolean postedAsTheGroup(Message message) {
        Chat sender = message.getSenderChat();
        return sender != null && sender.getId() != null && sender.getId().equals(message.getChatId())
                && !"private".equals(type(message.getChat()));
    }

    private static String type(Chat chat) {
        return chat == null || chat.getType() == null ? "private" : chat.getType();
    }

    private static String title(Chat chat) {
        if (chat == null) {
            return null;
        }
        return chat.getTitle() != null ? chat.getTitle() : chat.getUserName();
    }

    static String displayName(User user) {
        if (user == null) {
            return "";
        }
        String name = user.getFirstName() == null ? "" : user.getFirstName();
        if (user.getLastName() != null && !user.getLastName().isBlank()) {
            name = name + " " + user.getLastName();
        }
        if (name.isBlank() && user.getUserName() != null) {
            name = user.getUserName();
        }
        return name.strip();
    }

    /** For log lines: never message text (it is the user's), only what identifies the update. */
    String describe() {
        return switch (kind) {
            case MESSAGE -> "message " + messageId + " from user " + userId + " in chat " + chatId;
            case CALLBACK -> "button press '" + callbackData + "' by user " + userId + " in chat " + chatId;
            case MEMBERSHIP -> "membership change to '" + memberStatus + "' in chat " + chatId;
            case IGNORED -> "ignored update";
        };
    }
}
