package org.marginsentinel.adapter.telegram.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.marginsentinel.adapter.telegram.i18n.Language;

/**
 * A command's menu line and details in the user's language. English is {@link CommandTable} itself (README.md is
 * generated from it); every other language has {@code i18n/commands_<code>.properties} with
 * {@code <name>.description} and {@code <name>.details}, and {@code <name>.usage} where the syntax has placeholders
 * ({@code <symbol>} reads {@code <символ>}). Commands and their keywords are typed the same in every language, so the
 * usage keeps them and the example line stays as typed.
 */
public final class CommandTranslations {

    private static final Map<Language, Properties> TRANSLATIONS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            if (language != Language.EN) {
                TRANSLATIONS.put(language, load(language));
            }
        }
    }

    private CommandTranslations() {
    }

    /** The menu and /help line of {@code spec} in {@code language} (English when it has no translation). */
    public static String description(CommandSpec spec, Language language) {
        return translated(spec, "description", language).orElse(spec.description());
    }

    /** The syntax line of {@code spec} with its placeholders in {@code language}: "/price &lt;символ&gt;". */
    public static String usage(CommandSpec spec, Language language) {
        return translated(spec, "usage", language).orElse(spec.usage());
    }

    /** More for /help &lt;command&gt; in {@code language}, or empty. */
    public static String details(CommandSpec spec, Language language) {
        return spec.details().isEmpty() ? "" : translated(spec, "details", language).orElse(spec.details());
    }

    /** The translation itself, without falling back to English (for the checks that every line is translated). */
    public static Optional<String> translated(CommandSpec spec, String part, Language language) {
        Properties lines = TRANSLATIONS.get(language);
        return lines == null ? Optional.empty()
                : Optional.ofNullable(lines.getProperty(spec.name() + "." + part)).map(String::strip);
    }

    private static Properties load(Language language) {
        String path = "i18n/commands_" + language.code() + ".properties";
        Properties lines = new Properties();
        try (InputStream in = CommandTranslations.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + path, e);
        }
        return lines;
    }
}
