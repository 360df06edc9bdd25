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
import java.util.concurrent.ConcurrentHashMap;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Figure;
import org.marginsentinel.domain.margin.Side;

/**
 * The bot's words in one language, from the message bundles in {@code src/main/resources/i18n}: short texts in
 * one file per area ({@link #BUNDLES}: {@code messages[_ru].properties}, {@code trading[_ru].properties} …; a key
 * lives in exactly one of them) as JDK {@link MessageFormat} patterns with {@code {0}}, {@code {1}} …, so an
 * apostrophe is written twice; values are Telegram HTML, interpolated values must already be escaped), long lessons as whole files in
 * {@code i18n/lessons/<name>_<code>.html}. Plain Java, so views and their tests need no container.
 *
 * <p>A key missing in a language is a bug that {@code MessageBundlesTest} catches; at run time such a key falls
 * back to English rather than showing the key.
 */
public final class Texts {

    /**
     * The bundle files, one per area of the bot, so that a key is easy to find and parallel work does not collide:
     * general words and commands ({@code messages}), refusals of bad input ({@code refusals}), paper trading replies
     * ({@code trading}), warnings and other proactive notices ({@code notices}), /risk, /stress, /whatif, /compare
     * and charts ({@code insights}), groups ({@code groups}), history ({@code history}), watched real accounts
     * ({@code watch}).
     */
    public static final List<String> BUNDLES =
            List.of("messages", "refusals", "trading", "notices", "insights", "groups", "history", "watch");
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
    private final List<ResourceBundle> bundles;
    private final List<ResourceBundle> english;
    private final Numbers numbers;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Texts(Language language) {
        this.language = language;
        this.bundles = load(language);
        this.english = language == Language.EN ? bundles : load(Language.EN);
        this.numbers = Numbers.of(language);
    }

    public static Texts of(Language language) {
        return ALL.get(language == null ? Language.EN : language);
    }

    public Language language() {
        return language;
    }

    /** Numbers and dates written the way this language writes them ("10,000.50" or "10 000,50"). */
    public Numbers numbers() {
        return numbers;
    }

    /** The text under {@code key} with {@code arguments} put in its placeholders. */
    public String get(String key, Object... arguments) {
        return find(key, arguments).orElseThrow(() -> new MissingResourceException(
                "No text '" + key + "' in any language", "i18n", key));
    }

    /** The text under {@code key}, if the bundles have one (for keys built from data, such as a command's name). */
    public Optional<String> find(String key, Object... arguments) {
        // Parsed once per key: a storm of warnings words thousands of texts a tick. A MessageFormat is not
        // thread-safe, so each use formats a copy.
        return Optional.ofNullable(formats.computeIfAbsent(key,
                        k -> pattern(k).map(pattern -> new MessageFormat(pattern, language.locale())).orElse(null)))
                .map(format -> ((MessageFormat) format.clone()).format(arguments));
    }

    /** A position's side as a trader reads it: "LONG" / "ЛОНГ". */
    public String side(Side side) {
        return get("position.side." + side.name());
    }

    /**
     * A refusal in this language, plain text: its own message, or its text key (of the {@code refusals} bundle)
     * with the arguments, {@link Figure}s written as this language writes numbers.
     */
    public String refusal(CommandRejected rejected) {
        if (rejected.textKey().isEmpty()) {
            return rejected.getMessage();
        }
        Object[] arguments = rejected.arguments().stream()
                .map(argument -> argument instanceof Figure figure ? numbers.figure(figure)
                        : argument instanceof Worded worded ? worded.in(this) : String.valueOf(argument))
                .toArray();
        return get(rejected.textKey().get(), arguments);
    }

    /** A lesson file's HTML ({@code i18n/lessons/<name>_<code>.html}), English when this language has none. */
    public String lesson(String name) {
        return readLesson(name, language).or(() -> readLesson(name, Language.EN))
                .orElseThrow(() -> new MissingResourceException("No lesson " + name, "lessons", name));
    }

    /** Every key of the English bundles, which are the reference every other language must match. */
    public static List<String> keys() {
        return of(Language.EN).bundles.stream().flatMap(bundle -> bundle.keySet().stream()).distinct().sorted()
                .toList();
    }

    /** The raw pattern of {@code key} in exactly this language (no fallback), for the bundle checks. */
    public Optional<String> ownPattern(String key) {
        for (ResourceBundle bundle : bundles) {
            boolean ownFile = language == Language.EN || bundle.getLocale().equals(language.locale());
            Object own = ownFile && bundle instanceof PropertyResourceBundle file ? file.handleGetObject(key) : null;
            if (own != null) {
                return Optional.of((String) own);
            }
        }
        return Optional.empty();
    }

    private Optional<String> pattern(String key) {
        return find(bundles, key).or(() -> find(english, key));
    }

    private static Optional<String> find(List<ResourceBundle> bundles, String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return Optional.of(bundle.getString(key));
            }
        }
        return Optional.empty();
    }

    private static List<ResourceBundle> load(Language language) {
        Locale locale = language == Language.EN ? Locale.ROOT : language.locale();
        return BUNDLES.stream().map(name -> ResourceBundle.getBundle("i18n." + name, locale,
                Texts.class.getClassLoader(), NO_DEFAULT_LOCALE)).toList();
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
