package org.marginsentinel.adapter.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One HTTP call the bot made to the fake Bot API.
 *
 * @param method    lower-case method name ("sendmessage")
 * @param chatId    the {@code chat_id} parameter, or null
 * @param params    the parameters (JSON body, or multipart fields as strings)
 * @param status    the HTTP status the fake answered with (200, 403, 429, …)
 * @param at        wall-clock time the call arrived
 * @param nanoTime  {@link System#nanoTime()} when the call arrived, for precise rate checks
 */
public record RecordedCall(String method, Long chatId, JsonNode params, int status, Instant at, long nanoTime) {

    public boolean succeeded() {
        return status == 200;
    }

    public boolean isSendOrEdit() {
        return method.equals("sendmessage") || method.equals("editmessagetext")
                || method.equals("editmessagereplymarkup") || method.equals("sendphoto");
    }

    @Override
    public String toString() {
        String text = params.path("text").asText(params.path("caption").asText(""));
        if (text.length() > 80) {
            text = text.substring(0, 80) + "…";
        }
        return method + "(chat=" + chatId + ") -> " + status + " at " + at + (text.isEmpty() ? "" : " '"
                + text.replace("\n", "\\n") + "'");
    }
}
