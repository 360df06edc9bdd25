package org.marginsentinel.adapter.telegram.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An inline keyboard button: either a callback button or a link.
 *
 * <p>{@code callbackData} comes back in the button press; Telegram allows 1 to 64 <b>bytes</b> (UTF-8),
 * so keep it compact, e.g. {@code "brd:refresh:42"}, never JSON. Data starting with {@code cf:} or
 * {@code cx:} is reserved for confirmations.
 *
 * <p>A link button ({@link #link}) opens {@code url} instead (for example a deep link
 * {@code https://t.me/<bot>?start=…}) and produces no button press.
 */
public record Button(String label, String callbackData, String url) {

    public static final int MAX_CALLBACK_BYTES = 64;

    public Button {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if ((callbackData == null) == (url == null)) {
            throw new IllegalArgumentException("a button has either callback data or a url: " + label);
        }
        if (callbackData != null) {
            int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > MAX_CALLBACK_BYTES) {
                throw new IllegalArgumentException(
                        "callbackData must be 1 to 64 bytes, was " + bytes + ": " + callbackData);
            }
        }
        if (url != null && !(url.startsWith("https://") || url.startsWith("tg://"))) {
            throw new IllegalArgumentException("url must start with https:// or tg://: " + url);
        }
    }

    /** A callback button. */
    public Button(String label, String callbackData) {
        this(label, callbackData, null);
    }

    /** A button that opens {@code url}. */
    public static Button link(String label, String url) {
        return new Button(label, null, url);
    }

    public boolean isLink() {
        return url != null;
    }
}
