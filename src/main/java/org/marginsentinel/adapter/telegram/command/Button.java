package org.marginsentinel.adapter.telegram.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An inline keyboard button. {@code callbackData} comes back in the button press; Telegram
 * allows 1 to 64 <b>bytes</b> (UTF-8), so keep it compact, e.g. {@code "brd:refresh:42"}, never JSON.
 * Data starting with {@code cf:} or {@code cx:} is reserved for confirmations.
 */
public record Button(String label, String callbackData) {

    public static final int MAX_CALLBACK_BYTES = 64;

    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(callbackData, "callbackData");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_CALLBACK_BYTES) {
            throw new IllegalArgumentException(
                    "callbackData must be 1 to 64 bytes, was " + bytes + ": " + callbackData);
        }
    }
}
