package org.marginsentinel.adapter.telegram.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README.md's command table is generated from {@link CommandTable}: this test fails (and prints the table to
 * paste) when the two disagree, so the README cannot drift from what the bot, /help and the menus say.
 */
class CommandTableReadmeTest {

    static final String START = "<!-- command-table:start (generated from CommandTable; CommandTableReadmeTest) -->";
    static final String END = "<!-- command-table:end -->";

    @Test
    void readmeCommandTable_isTheCommandTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the marker " + START).isNotNegative();
        assertThat(end).as("README.md has the marker " + END).isGreaterThan(start);

        String inReadme = readme.substring(start + START.length(), end).strip();

        assertThat(inReadme).as("README.md's command table; paste this between the markers:%n%s", markdown())
                .isEqualTo(markdown());
    }

    @Test
    void markdown_escapesPipesInsideCells() {
        assertThat(markdown()).contains("| `/withdraw <amount\\|all>` |");
    }

    /** The README's table: one row per listed command, in /help order. */
    static String markdown() {
        StringBuilder table = new StringBuilder("| Command | What it does | Where | Example |\n|---|---|---|---|");
        for (CommandSpec spec : CommandTable.ALL) {
            if (spec.hidden()) {
                continue;
            }
            String description = spec.description() + (spec.details().isEmpty() ? "" : ". " + spec.details());
            table.append("\n| `").append(cell(spec.usage().replaceAll("\\s+", " "))).append("` | ")
                    .append(cell(description)).append(" | ")
                    .append(spec.where().readable()).append(" | `")
                    .append(cell(spec.example())).append("` |");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
