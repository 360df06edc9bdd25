package org.marginsentinel.domain.watch.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only read-only keys are kept; trading only where reading needs it, and then only IP-whitelisted to our addresses. */
class KeyPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final List<String> EGRESS = List.of("203.0.113.10");

    @Test
    void verdicts() {
        assertThat(judge(new KeyPermissions(true, false, false, false, null), false, List.of()))
                .isEqualTo(KeyPolicy.Verdict.ACCEPT);
        assertThat(judge(new KeyPermissions(true, true, false, true, null), false, EGRESS))
                .isEqualTo(KeyPolicy.Verdict.REFUSE_TRADE);
        assertThat(judge(new KeyPermissions(true, false, true, true, null), true, EGRESS))
                .isEqualTo(KeyPolicy.Verdict.REFUSE_WITHDRAW);
        assertThat(judge(new KeyPermissions(false, false, false, false, null), false, EGRESS))
                .isEqualTo(KeyPolicy.Verdict.REFUSE_CANNOT_READ);
        assertThat(judge(new KeyPermissions(true, true, false, false, null), true, EGRESS))
                .isEqualTo(KeyPolicy.Verdict.REFUSE_TRADE_WITHOUT_WHITELIST);
        assertThat(judge(new KeyPermissions(true, true, false, true, null), true, List.of()))
                .as("no published addresses to whitelist").isEqualTo(KeyPolicy.Verdict.REFUSE_TRADE_WITHOUT_WHITELIST);
        assertThat(judge(new KeyPermissions(true, true, false, true, null), true, EGRESS))
                .isEqualTo(KeyPolicy.Verdict.ACCEPT_WHITELISTED_TRADING);
        assertThat(judge(new KeyPermissions(true, false, false, false, NOW.minusSeconds(1)), false, EGRESS))
                .isEqualTo(KeyPolicy.Verdict.REFUSE_EXPIRED);
    }

    @Test
    void expiresSoon_fromAWeekBefore() {
        Instant expiry = NOW.plus(Duration.ofDays(7));
        assertThat(KeyPolicy.expiresSoon(expiry, NOW.minusSeconds(1))).isFalse();
        assertThat(KeyPolicy.expiresSoon(expiry, NOW)).isTrue();
        assertThat(KeyPolicy.expiresSoon(null, NOW)).isFalse();
    }

    private static KeyPolicy.Verdict judge(KeyPermissions permissions, boolean readingNeedsTrading, List<String> ips) {
        return KeyPolicy.judge(permissions, readingNeedsTrading, ips, NOW);
    }
}
