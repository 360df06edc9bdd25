package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which messages are kept out of the inbox table because they carry an API key. */
class KeyMaterialTest {

    @Test
    void keyedWatchWithArguments_carriesAKey_everythingElseDoesNot() {
        assertThat(KeyMaterial.carried("/watch binance AbCd1234")).isTrue();
        assertThat(KeyMaterial.carried("/watch@SentinelBot Bybit key secret")).isTrue();
        assertThat(KeyMaterial.carried("  /WATCH okx k s p")).isTrue();
        assertThat(KeyMaterial.carried("/wacth binance key secret")).as("a typo carries the key all the same")
                .isTrue();
        assertThat(KeyMaterial.carried("/watch binance")).as("shows the public key, carries none").isFalse();
        assertThat(KeyMaterial.carried("/watch hl 0x5b5d51203a0f9079f8aeb098a6523a13f298c060")).isFalse();
        assertThat(KeyMaterial.carried("/long BTC 10x 100")).isFalse();
        assertThat(KeyMaterial.carried(null)).isFalse();
    }
}
