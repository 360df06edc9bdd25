package org.marginsentinel.adapter.telegram.webhook;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.telegram.TelegramBot;
import org.marginsentinel.adapter.telegram.connection.TelegramStatus;
import org.marginsentinel.adapter.telegram.connection.WebhookSecret;
import org.marginsentinel.adapter.telegram.update.ReceivedUpdate;

/**
 * {@code POST /telegram/webhook}: where Telegram delivers updates in webhook mode.
 *
 * <ul>
 *   <li>404 unless the bot is configured for webhook mode (the endpoint does not exist then);</li>
 *   <li>401 without the {@code X-Telegram-Bot-Api-Secret-Token} header, 403 with a wrong one
 *       (checked before the body is read; logged at most once a minute, with a count);</li>
 *   <li>400 for a body that is not an update, or one without {@code update_id} (Telegram would only resend
 *       it);</li>
 *   <li>200 once the update has been handled and its effects committed, through the same
 *       dispatcher as long polling; an update_id seen before is skipped, so Telegram's retries are
 *       harmless;</li>
 *   <li>503 while the bot is not running or when handling takes longer than {@value #WAIT_SECONDS} s:
 *       Telegram delivers again later, and the update is applied at most once.</li>
 * </ul>
 * Answering only after handling means an update Telegram saw accepted is never lost by a crash.
 */
@Path("/telegram/webhook")
public class WebhookResource {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final long WAIT_SECONDS = 25;

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);
    /** A flood of wrong secrets writes one WARN line a minute, not one per request. */
    private static final ThrottledWarning WRONG_SECRET = new ThrottledWarning(Duration.ofMinutes(1), System::nanoTime);

    @Inject
    TelegramBot bot;
    @Inject
    TelegramStatus status;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public CompletionStage<Response> receive(@HeaderParam(SECRET_HEADER) String presentedSecret, byte[] body) {
        Optional<WebhookSecret> secret = bot.webhookSecret();
        if (secret.isEmpty()) {
            return answer(Response.Status.NOT_FOUND);
        }
        if (presentedSecret == null || presentedSecret.isEmpty()) {
            return answer(Response.Status.UNAUTHORIZED);
        }
        if (!secret.get().matches(presentedSecret)) {
            long unlogged = WRONG_SECRET.occurred();
            if (unlogged >= 0) {
                LOG.warnf("Webhook request with a wrong secret token refused%s", unlogged == 0 ? ""
                        : " (and " + unlogged + " more since the last such line)");
            }
            return answer(Response.Status.FORBIDDEN);
        }
        ReceivedUpdate update;
        try {
            // Read as the long poller reads updates: update_id as a long, no update without one (it could not be
            // deduplicated; Telegram always sends one).
            update = ReceivedUpdate.read(body);
        } catch (IOException e) {
            LOG.warnf("Webhook body is not a Telegram update: %s", e.getMessage());
            return answer(Response.Status.BAD_REQUEST);
        }
        status.webhookUpdateReceived();
        return bot.acceptWebhookUpdate(update)
                .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .handle((handled, failure) -> {
                    if (failure == null) {
                        return Response.ok().build();
                    }
                    LOG.debugf("Webhook update %d not handled yet (%s); Telegram will resend it",
                            update.updateId(), failure);
                    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                            .header("Retry-After", Duration.ofSeconds(5).toSeconds()).build();
                });
    }

    private static CompletionStage<Response> answer(Response.Status status) {
        return CompletableFuture.completedFuture(Response.status(status).build());
    }
}
