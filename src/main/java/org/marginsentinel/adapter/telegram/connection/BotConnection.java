package org.marginsentinel.adapter.telegram.connection;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.format.Text;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The live link to Telegram while the bot runs: the client, the shared rate limiter and our own
 * username. {@link org.marginsentinel.adapter.telegram.TelegramBot TelegramBot} connects and disconnects it (its only
 * caller of {@code connect} and {@code disconnect}, public since the bot lives one package up); everything else
 * only reads it.
 */
@ApplicationScoped
public class BotConnection {

    private static final Logger LOG = Logger.getLogger(BotConnection.class);
    private static final int MAX_ANSWER_CHARS = 200;

    private volatile Link link;

    /** What a running bot uses to talk to Telegram. */
    public record Link(TelegramClient client, SendRateLimiter limiter, String botUsername) {
    }

    public void connect(TelegramClient client, SendRateLimiter limiter, String botUsername) {
        this.link = new Link(client, limiter, botUsername);
    }

    public void disconnect() {
        this.link = null;
    }

    public boolean isConnected() {
        return link != null;
    }

    /** Null while the bot is not running. */
    public Link link() {
        return link;
    }

    /** Our username without "@", or null while the bot is not running. */
    public String botUsername() {
        Link current = link;
        return current == null ? null : current.botUsername();
    }

    /**
     * Answers a button press right away (the user's button spins until we do), within the global
     * rate budget. Failures are logged, never thrown: an unanswered spinner is not worth failing for.
     */
    public void answerCallback(String callbackQueryId, String text, boolean alert) {
        Link current = link;
        if (current == null || callbackQueryId == null) {
            return;
        }
        boolean acquired = false;
        try {
            acquired = current.limiter().acquire(SendRateLimiter.NO_CHAT, Duration.ofSeconds(10));
            if (!acquired) {
                LOG.warnf("Rate budget exhausted for 10 s; callback query %s left unanswered", callbackQueryId);
                return;
            }
            AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder()
                    .callbackQueryId(callbackQueryId);
            if (text != null && !text.isBlank()) {
                answer.text(Text.shorten(text, MAX_ANSWER_CHARS));
                answer.showAlert(alert);
            }
            current.client().execute(answer.build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Could not answer callback query %s: %s", callbackQueryId, e.getMessage());
        } finally {
            if (acquired) {
                current.limiter().release(SendRateLimiter.NO_CHAT);
            }
        }
    }

    /**
     * The user's status in the chat as Telegram reports it now (getChatMember by numeric user id):
     * "creator", "administrator", "member", "restricted", "left" or "kicked". Empty while the bot is not
     * running or when Telegram could not be asked (the caller decides what that means; never assume admin).
     */
    public Optional<String> chatMemberStatus(long chatId, long userId) {
        Link current = link;
        if (current == null) {
            return Optional.empty();
        }
        boolean acquired = false;
        try {
            acquired = current.limiter().acquire(SendRateLimiter.NO_CHAT, Duration.ofSeconds(5));
            if (!acquired) {
                return Optional.empty();
            }
            ChatMember member = current.client().execute(GetChatMember.builder().chatId(chatId).userId(userId).build());
            return Optional.ofNullable(member == null ? null : member.getStatus());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.warnf("Could not ask Telegram for user %d's status in chat %d: %s", userId, chatId, e.getMessage());
            return Optional.empty();
        } finally {
            if (acquired) {
                current.limiter().release(SendRateLimiter.NO_CHAT);
            }
        }
    }
}
