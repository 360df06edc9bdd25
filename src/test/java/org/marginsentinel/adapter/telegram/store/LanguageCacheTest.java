package org.marginsentinel.adapter.telegram.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;

/** The languages in memory: loaded once, kept current by committed writes, never trusted after a race. */
class LanguageCacheTest {

    private final LanguageCache cache = new LanguageCache();

    @Test
    void beforeTheLoad_nothingIsKnown_afterIt_aUserWithoutARowSpeaksEnglish() {
        assertThat(cache.get(1)).isEmpty();

        assertThat(cache.loaded(Map.of(1L, Language.RU), cache.stamp())).isTrue();

        assertThat(cache.get(1)).contains(Language.RU);
        assertThat(cache.get(2)).contains(Language.EN);
    }

    @Test
    void aCommittedWrite_isKnownAtOnce_aRolledBackOne_makesTheTableBeReadAgain() {
        cache.loaded(Map.of(), cache.stamp());

        cache.written(7, Language.RU, true);
        assertThat(cache.get(7)).contains(Language.RU);

        cache.written(8, Language.RU, false);
        assertThat(cache.get(8)).isEmpty();
        assertThat(cache.get(7)).contains(Language.RU);
        assertThat(cache.complete()).isFalse();
    }

    @Test
    void aLoadThatRacedAWrite_isNotKept() {
        long stamp = cache.stamp();
        cache.written(7, Language.RU, true);   // committed while the table was being read

        assertThat(cache.loaded(Map.of(7L, Language.EN), stamp)).isFalse();

        assertThat(cache.get(7)).contains(Language.RU);
        assertThat(cache.get(9)).isEmpty();    // still incomplete: the next lookup reads again
    }
}
