package org.marginsentinel.adapter.telegram.fake;

import java.time.Instant;

/** An answerCallbackQuery call; {@code text} is null when the bot answered without a notice. */
public record CallbackAnswer(String callbackQueryId, String text, boolean showAlert, Instant at) {
}
