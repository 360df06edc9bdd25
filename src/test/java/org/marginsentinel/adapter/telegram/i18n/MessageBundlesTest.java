package org.marginsentinel.adapter.telegram.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.command.CommandTranslations;

/** Every text exists in every language with the same placeholders, and every pattern is one MessageFormat reads. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Set<String> LESSONS = Set.of("overview", "isolated", "cross", "odds");

    static Stream<Language> languages() {
        return Arrays.stream(Language.values());
    }

    static Stream<Language> translations() {
        return languages().filter(language -> language != Language.EN);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyKey_isInEveryLanguage_andNoLanguageHasKeysEnglishLacks(Language language) throws IOException {
        Set<String> english = new TreeSet<>(ownKeys(Language.EN));
        Set<String> translated = new TreeSet<>(ownKeys(language));

        assertThat(translated).as("keys of the %s bundles", language.code())
                .containsExactlyElementsOf(english);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyKey_livesInOneBundleOnly(Language language) throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String bundle : Texts.BUNDLES) {
            for (String key : ownKeys(bundle, language)) {
                assertThat(seen.add(key)).as("%s is in %s and in another bundle (%s)", key, bundle, language.code())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyTranslation_hasTheSamePlaceholdersAsEnglish(Language language) {
        Texts english = Texts.of(Language.EN);
        Texts translated = Texts.of(language);
        for (String key : Texts.keys()) {
            assertThat(placeholders(translated.ownPattern(key).orElse("")))
                    .as("placeholders of %s in %s", key, language.code())
                    .isEqualTo(placeholders(english.ownPattern(key).orElseThrow()));
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyPattern_isReadableByMessageFormat_withApostrophesDoubled(Language language) {
        Texts texts = Texts.of(language);
        for (String key : Texts.keys()) {
            texts.ownPattern(key).ifPresent(pattern -> {
                assertThat(LONE_APOSTROPHE.matcher(pattern).find())
                        .as("%s (%s) has a single apostrophe; write it twice", key, language.code()).isFalse();
                new MessageFormat(pattern, language.locale()); // throws on a malformed pattern
            });
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyLesson_isWrittenInEveryLanguage(Language language) {
        for (String lesson : LESSONS) {
            assertThat(Texts.class.getClassLoader().getResource(
                    "i18n/lessons/" + lesson + "_" + language.code() + ".html"))
                    .as("lesson %s in %s", lesson, language.code()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyCommand_hasItsMenuLineAndDetails_inEveryLanguage(Language language) {
        for (CommandSpec command : CommandTable.ALL) {
            assertThat(CommandTranslations.translated(command, "description", language))
                    .as("/%s description in %s", command.name(), language.code())
                    .hasValueSatisfying(line -> assertThat(line).isNotBlank().hasSizeLessThanOrEqualTo(256));
            assertThat(CommandTranslations.translated(command, "details", language).isPresent())
                    .as("/%s details in %s exactly when English has details", command.name(), language.code())
                    .isEqualTo(!command.details().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everySyntaxLine_namesItsPlaceholdersInEveryLanguage_andKeepsItsKeywords(Language language) {
        for (CommandSpec command : CommandTable.ALL) {
            Optional<String> usage = CommandTranslations.translated(command, "usage", language);
            assertThat(usage.isPresent()).as("/%s usage in %s exactly when English has placeholders", command.name(),
                    language.code()).isEqualTo(command.usage().contains("<"));
            usage.ifPresent(line -> {
                assertThat(line.replaceAll("[^<>\\[\\]|@%$#/]", "")).as("/%s usage's shape in %s", command.name(),
                        language.code()).isEqualTo(command.usage().replaceAll("[^<>\\[\\]|@%$#/]", ""));
                List<String> english = latinWords(command.usage());
                assertThat(english).as("/%s usage in %s keeps the typed words, adds none", command.name(),
                        language.code()).containsSubsequence(latinWords(line));
            });
        }
    }

    private static List<String> latinWords(String text) {
        return Pattern.compile("[A-Za-z]+").matcher(text).results().map(MatchResult::group).toList();
    }

    private static Set<String> ownKeys(Language language) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : Texts.BUNDLES) {
            keys.addAll(ownKeys(bundle, language));
        }
        return keys;
    }

    private static Set<String> ownKeys(String bundle, Language language) throws IOException {
        String path = "i18n/" + bundle + (language == Language.EN ? "" : "_" + language.code()) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
