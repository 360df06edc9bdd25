package org.marginsentinel.adapter.telegram.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    private static final String GOOD = "0123456789abcdef0123456789ABCDEF_-";

    @Test
    void matchesOnlyTheExactSecret() {
        WebhookSecret secret = WebhookSecret.of(GOOD);

        assertThat(secret.matches(GOOD)).isTrue();
        assertThat(secret.matches(GOOD.toLowerCase())).isFalse();
        assertThat(secret.matches(GOOD + "x")).isFalse();
        assertThat(secret.matches(GOOD.substring(1))).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void refusesSecretsTelegramWouldRefuse_orThatAreTooShortToGuard_withoutPrintingThem() {
        assertThatThrownBy(() -> WebhookSecret.of(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> WebhookSecret.of("  ")).hasMessageContaining("required");
        assertThatThrownBy(() -> WebhookSecret.of("short-secret")).hasMessageContaining("at least 24")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> WebhookSecret.of(GOOD + "!")).hasMessageContaining("A-Z a-z 0-9 _ -")
                .hasMessageNotContaining(GOOD);
        assertThatThrownBy(() -> WebhookSecret.of("a".repeat(257))).hasMessageContaining("at most 256");
        assertThat(WebhookSecret.of("a".repeat(256)).matches("a".repeat(256))).isTrue();
    }

    @Test
    void neverShowsTheSecretInLogs() {
        assertThat(WebhookSecret.of(GOOD).toString()).doesNotContain(GOOD);
    }
}
