package org.marginsentinel.adapter.telegram.command;

import java.util.List;
import java.util.Objects;

/**
 * What a command answers: Telegram HTML (escape every interpolated value with
 * {@link org.marginsentinel.adapter.telegram.format.Html}), optional inline buttons and an
 * optional confirmation request.
 *
 * <p>Long HTML is fine: replies over 4,096 characters are split on line boundaries (buttons stay
 * on the last part). With a {@link Confirmation}, the HTML is the question and Confirm / Cancel
 * buttons are added below any other buttons.
 */
public record BotReply(String html, List<List<Button>> buttons, Confirmation confirmation, byte[] photoPng) {

    /** Telegram's limit for a photo caption. */
    public static final int CAPTION_LIMIT = 1024;

    public BotReply {
        Objects.requireNonNull(html, "html");
        if (html.isBlank()) {
            throw new IllegalArgumentException("html must not be blank");
        }
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (photoPng != null && (photoPng.length == 0 || confirmation != null)) {
            throw new IllegalArgumentException("a photo needs bytes and cannot ask for a confirmation");
        }
    }

    public BotReply(String html, List<List<Button>> buttons, Confirmation confirmation) {
        this(html, buttons, confirmation, null);
    }

    /**
     * A PNG picture with {@code captionHtml} under it, sent with sendPhoto. Captions longer than
     * {@link #CAPTION_LIMIT} characters are cut short.
     */
    public static BotReply photo(byte[] png, String captionHtml) {
        return new BotReply(captionHtml, List.of(), null, Objects.requireNonNull(png, "png"));
    }

    public boolean hasPhoto() {
        return photoPng != null;
    }

    /** A plain HTML reply. */
    public static BotReply html(String html) {
        return new BotReply(html, List.of(), null);
    }

    /** The same reply with these rows of inline buttons (replacing any earlier ones). */
    public BotReply withButtons(List<List<Button>> rows) {
        return new BotReply(html, rows, confirmation, photoPng);
    }

    /**
     * Asks the user to confirm. When the same user presses Confirm before
     * {@code sentinel.telegram.confirmation-ttl} runs out, the {@link ConfirmableAction} whose
     * {@link ConfirmableAction#key()} is {@code actionKey} runs with {@code payload}, and the
     * question is edited in place into the action's result.
     */
    public static BotReply confirm(String questionHtml, String actionKey, String payload) {
        return new BotReply(questionHtml, List.of(), new Confirmation(actionKey, payload));
    }

    /**
     * Asks the user to pick one of {@code choices} (one button each, plus Cancel): pressing one runs the
     * {@link ConfirmableAction} {@code actionKey} once, with that choice's payload, as a confirmation would.
     */
    public static BotReply choose(String questionHtml, String actionKey, List<Confirmation.Choice> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a question needs at least one choice");
        }
        return new BotReply(questionHtml, List.of(), new Confirmation(actionKey, null, choices));
    }

    public boolean needsConfirmation() {
        return confirmation != null;
    }
}
