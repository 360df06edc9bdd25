package org.marginsentinel.adapter.keyed.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.marginsentinel.testsupport.RussianReasons.assertWordedInRussian;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.adapter.keyed.KeyedHttp;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.watch.SourceReasonText;
import org.marginsentinel.application.port.KeyedSourceUnavailable;

/** Every reason OKX's refusals are worded with reads in Russian once the watch bundle words it. */
class OkxErrorsReasonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"code":"50100"}
            200 | {"code":"50101"}
            200 | {"code":"50105"}
            200 | {"code":"50110"}
            200 | {"code":"50111"}
            200 | {"code":"50113"}
            200 | {"code":"50114"}
            200 | {"code":"50119"}
            200 | {"code":"50120"}
            200 | {"code":"50011"}
            429 | {"code":"50061"}
            200 | {"code":"50102"}
            429 | ''
            401 | ''
            502 | <html>bad gateway</html>
            """)
    void okxsReasons_readInRussian(int status, String body) {
        KeyedSourceUnavailable refused = catchThrowableOfType(
                () -> OkxErrors.check(new KeyedHttp.Answer(status, body, null)), KeyedSourceUnavailable.class);

        assertThat(refused).isNotNull();
        assertThat(SourceReasonText.of(refused.reason(), Texts.of(Language.EN))).isEqualTo(refused.reason());
        assertWordedInRussian(SourceReasonText.of(refused.reason(), Texts.of(Language.RU)));
    }
}
