package org.marginsentinel.adapter.keyed.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.marginsentinel.testsupport.RussianReasons.assertWordedInRussian;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.watch.SourceReasonText;
import org.marginsentinel.application.port.KeyedSourceUnavailable;

/**
 * Every reason Bybit's refusals are worded with reads in Russian once the watch bundle words it (the rate-limit
 * codes read a reset header, so they are proven with their wording in SourceReasonTextTest).
 */
class BybitErrorsReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            401 | ''
            403 | ''
            502 | <html>bad gateway</html>
            200 | {"retCode":10003}
            200 | {"retCode":10004}
            200 | {"retCode":10005}
            200 | {"retCode":10007}
            200 | {"retCode":10009}
            200 | {"retCode":10010}
            200 | {"retCode":33004}
            200 | {"retCode":10002}
            """)
    void bybitsReasons_readInRussian(int status, String body) {
        KeyedSourceUnavailable refused = catchThrowableOfType(() -> BybitErrors.check(
                new KeyedHttp.Answer(status, body, null), Instant.EPOCH), KeyedSourceUnavailable.class);

        assertThat(refused).isNotNull();
        assertThat(SourceReasonText.of(refused.reason(), Texts.of(Language.EN))).isEqualTo(refused.reason());
        assertWordedInRussian(SourceReasonText.of(refused.reason(), Texts.of(Language.RU)));
    }
}
