package org.marginsentinel.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramApiUrlTest {

    @Test
    void parse_defaultTelegramUrl_usesPort443() {
        assertThat(TelegramApiUrl.parse("https://api.telegram.org"))
                .isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
        assertThat(TelegramApiUrl.parse("https://api.telegram.org/"))
                .isEqualTo(new TelegramUrl("https", "api.telegram.org", 443, false));
    }

    @Test
    void parse_localFake_keepsSchemeHostAndPort() {
        assertThat(TelegramApiUrl.parse("http://127.0.0.1:41234"))
                .isEqualTo(new TelegramUrl("http", "127.0.0.1", 41234, false));
        assertThat(TelegramApiUrl.parse("http://localhost")).isEqualTo(new TelegramUrl("http", "localhost", 80, false));
    }

    @Test
    void parse_pathOrOtherScheme_isRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TelegramApiUrl.parse("https://proxy.example/telegram"));
        assertThatIllegalArgumentException().isThrownBy(() -> TelegramApiUrl.parse("ftp://api.telegram.org"));
        assertThatIllegalArgumentException().isThrownBy(() -> TelegramApiUrl.parse("api.telegram.org"));
    }
}
