package org.marginsentinel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stricter than {@link RussianReplies} for an exchange's reason worded in Russian: beyond its English words, no
 * lower-case Latin word may remain ("rate limited" holds none of the common words) once the names that stay as given
 * are set aside: a request path, Bybit's {@code retCode} field; statuses, codes, IP, API, exchange and exception names
 * are capitalised.
 */
public final class RussianReasons {

    private static final Pattern SET_ASIDE = Pattern.compile("/\\S+|\\bretCode\\b");
    private static final Pattern LOWER_CASE_LATIN = Pattern.compile("(?<![\\p{L}\\p{N}])[a-z][A-Za-z]*");

    private RussianReasons() {
    }

    public static String assertWordedInRussian(String reason) {
        RussianReplies.assertRussian(reason);
        List<String> found = new ArrayList<>();
        Matcher latin = LOWER_CASE_LATIN.matcher(SET_ASIDE.matcher(reason).replaceAll(" "));
        while (latin.find()) {
            found.add(latin.group());
        }
        assertThat(found).as("Latin words in a reason worded in Russian:%n%s", reason).isEmpty();
        return reason;
    }
}
