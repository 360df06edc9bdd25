package org.marginsentinel.adapter.telegram.update;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An update as Telegram sent it: its {@code update_id} as a long, the rest as TelegramBots' {@link Update}, and the
 * JSON it came as (what the inbox keeps). Telegram's update ids may pass 2³¹ while TelegramBots 10.x types
 * {@code Update.updateId} as Integer, so the id is read here and left out of the {@code Update} (whose
 * {@code getUpdateId()} is null): read the id from this record only. Long polling, the webhook and the inbox replay
 * all read updates through {@link #of(JsonNode)}.
 *
 * @param json the update's JSON, {@code update_id} included
 */
public record ReceivedUpdate(long updateId, Update update, String json) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads one update's JSON; fails without a whole-number {@code update_id} (nothing could dedupe it). */
    public static ReceivedUpdate read(String json) throws IOException {
        return of(JSON.readTree(json));
    }

    /** As {@link #read(String)}, from bytes (the webhook's body). */
    public static ReceivedUpdate read(byte[] json) throws IOException {
        return of(JSON.readTree(json));
    }

    /** One element of getUpdates' result, or a webhook body, already parsed. */
    public static ReceivedUpdate of(JsonNode node) throws IOException {
        JsonNode id = node == null ? null : node.get("update_id");
        if (!(node instanceof ObjectNode object) || id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            throw JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null,
                    "not a Telegram update with a whole-number update_id");
        }
        ObjectNode rest = object.deepCopy();
        rest.remove("update_id"); // Integer in TelegramBots: 2^31 and above would not parse
        return new ReceivedUpdate(id.longValue(), JSON.treeToValue(rest, Update.class), object.toString());
    }

    /** The update id of a JSON node that may not be a readable update, for skipping past it; -1 without one. */
    static long idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("update_id");
        return id != null && id.isIntegralNumber() && id.canConvertToLong() ? id.longValue() : -1;
    }
}
