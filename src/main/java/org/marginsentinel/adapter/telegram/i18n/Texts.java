package org.marginsentinel.adapter.telegram.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The bot's words in one language, from the message bundles in {@code src/main/resources/i18n}: short texts in
 * {@code messages[_ru].properties} (JDK {@link MessageFormat} patterns with {@code {0}}, {@code {1}} …, so an
 * apostrophe is written twice; values are Telegram HTML, interpolated values must already be escaped), long lessons as whole files in
 * {@code i18n/lessons/<name>_<code>.html}. Plain Java, so views and their tests need no container.
 *
 * <p>A key missing in a language is a bug that {@code MessageBundlesTest} catches; at run time such a key falls
 * back to English rather than showing the key.
 */
public final class Texts {

    private static final String BUNDLE = "i18n.messages";
    /** Never fall back to the JVM's default locale: a server in Moscow must still answer Englishmen in English. */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Language, Texts> ALL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            ALL.put(language, new Texts(language));
        }
    }

    private final Language language;
    private final ResourceBundle bundle;
    private final ResourceBundle english;

    private Texts(Language language) {
        this.language = language;
        this.bundle = load(language);
        this.english = language == Language.EN ? bundle : load(Language.EN);
    }

    public static Texts of(Language language) {
        return ALL.get(language == null ? Language.EN : language);
    }

    public Language language() {
        return language;
    }

    /** The text under {@code key} with {@code arguments} put in its placeholders. */
    public String get(String key, Object... arguments) {
        String pattern = pattern(key).orElseThrow(() -> new MissingResourceException(
                "No text '" + key + "' in any language", BUNDLE, key));
        return new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /** The text under {@code key}, if the bundles have one (for keys built from data, such as a command's name). */
    public Optional<String> find(String key, Object... arguments) {
        return pattern(key).map(pattern -> new MessageFormat(pattern, language.locale()).format(arguments));
    }

    /** A lesson file's HTML ({@code i18n/lessons/<name>_<code>.html}), English when this language has none. */
    public String lesson(String name) {
        return readLesson(name, language).or(() -> readLesson(name, Language.EN))
                .orElseThrow(() -> new MissingResourceException("No lesson " + name, "lessons", name));
    }

    /** Every key of the English bundle, which is the reference every other language must match. */
    public static List<String> keys() {
        return english().keySet().stream().sorted().toList();
    }

    /** The raw pattern of {@code key} in exactly this language (no fallback), for the bundle checks. */
    public Optional<String> ownPattern(String key) {
        boolean ownFile = language == Language.EN || bundle.getLocale().equals(language.locale());
        Object own = ownFile && bundle instanceof PropertyResourceBundle file ? file.handleGetObject(key) : null;
        return Optional.ofNullable((String) own);
    }

    private Optional<String> pattern(String key) {
        if (bundle.containsKey(key)) {
            return Optional.of(bundle.getString(key));
        }
        return english.containsKey(key) ? Optional.of(english.getString(key)) : Optional.empty();
    }

    private static ResourceBundle english() {
        return of(Language.EN).bundle;
    }

    private static ResourceBundle load(Language language) {
        Locale locale = language == Language.EN ? Locale.ROOT : language.locale();
        return ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }

    private static Optional<String> readLesson(String name, Language language) {
        String path = "i18n/lessons/" + name + "_" + language.code() + ".html";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + path, e);
        }
    }
}
