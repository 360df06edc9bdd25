package org.marginsentinel.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HyperliquidAddressTest {

    @Test
    void checksummedAndPlain_nameTheSameAccount_inLowerCase() {
        assertThat(HyperliquidAddress.parse("0x5B5d51203A0f9079f8AEB098A6523A13F298C060"))
                .isEqualTo(HyperliquidAddress.parse(" 0x5b5d51203a0f9079f8aeb098a6523a13f298c060 "))
                .hasValueSatisfying(a -> assertThat(a.shortForm()).isEqualTo("0x5b5d…c060"));
    }

    @Test
    void anythingElse_isNoAddress() {
        assertThat(HyperliquidAddress.parse("0x123")).isEmpty();
        assertThat(HyperliquidAddress.parse("5b5d51203a0f9079f8aeb098a6523a13f298c060")).isEmpty();
        assertThat(HyperliquidAddress.parse("0x5b5d51203a0f9079f8aeb098a6523a13f298c06g")).isEmpty();
        assertThat(HyperliquidAddress.parse("0x5b5d51203a0f9079f8aeb098a6523a13f298c0600")).isEmpty();
        assertThat(HyperliquidAddress.parse(null)).isEmpty();
    }
}
