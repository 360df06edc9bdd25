package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramMetricsKindTest {

    @Test
    void everyWarningPriority_countsAsAWarning() {
        assertThat(TelegramMetrics.kindOf(OutgoingMessage.PRIORITY_CRITICAL)).isEqualTo("critical");
        assertThat(TelegramMetrics.kindOf(OutgoingMessage.PRIORITY_DANGER)).isEqualTo("warning");
        assertThat(TelegramMetrics.kindOf(OutgoingMessage.PRIORITY_WARNING)).isEqualTo("warning");
        assertThat(TelegramMetrics.kindOf(OutgoingMessage.PRIORITY_REPLY)).isEqualTo("reply");
        assertThat(TelegramMetrics.kindOf(OutgoingMessage.PRIORITY_NORMAL)).isEqualTo("other");
    }
}
