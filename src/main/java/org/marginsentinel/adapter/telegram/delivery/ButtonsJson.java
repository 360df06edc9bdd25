package org.marginsentinel.adapter.telegram.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.Button;

/**
 * Stores button rows in the outbox as {@code [[{"label":"Confirm","data":"cf:1"}]]}; link buttons as
 * {@code {"label":…,"url":…}}.
 */
final class ButtonsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ButtonsJson() {
    }

    static String write(List<List<Button>> rows) {
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        ArrayNode out = JSON.createArrayNode();
        for (List<Button> row : rows) {
            ArrayNode jsonRow = out.addArray();
            for (Button button : row) {
                if (button.isLink()) {
                    jsonRow.addObject().put("label", button.label()).put("url", button.url());
                } else {
                    jsonRow.addObject().put("label", button.label()).put("data", button.callbackData());
                }
            }
        }
        return out.toString();
    }

    static List<List<Button>> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<List<Button>> rows = new ArrayList<>();
            for (JsonNode jsonRow : JSON.readTree(json)) {
                List<Button> row = new ArrayList<>();
                for (JsonNode button : jsonRow) {
                    row.add(button.hasNonNull("url") ? Button.link(button.path("label").asText(), button.get("url").asText())
                            : new Button(button.path("label").asText(), button.path("data").asText()));
                }
                rows.add(List.copyOf(row));
            }
            return List.copyOf(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable buttons in the outbox: " + json, e);
        }
    }
}
