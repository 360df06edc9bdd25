package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.RussianReasons.assertWordedInRussian;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.watch.SourceReasonText;

/** Every reason Binance's refusals are worded with reads in Russian once the watch bundle words it. */
class BinanceErrorsReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            401 | ''                           | HTTP 401 (API-ключ отклонён)
            400 | {"code":-2015}               | HTTP 400, код -2015 (API-ключ отклонён)
            429 | {"code":-1003}               | HTTP 429, код -1003 (лимит запросов)
            418 | ''                           | HTTP 418 (лимит запросов)
            503 | <html>down</html>            | HTTP 503
            """)
    void binancesReasons_readInRussian(int status, String body, String russian) {
        String reason = BinanceErrors.of(status, body, null).reason();

        assertThat(SourceReasonText.of(reason, Texts.of(Language.EN))).isEqualTo(reason);
        assertThat(assertWordedInRussian(SourceReasonText.of(reason, Texts.of(Language.RU)))).isEqualTo(russian);
    }
}
