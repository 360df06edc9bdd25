package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.SecretVault;

/** Secrets at rest: AES-256-GCM, a fresh IV per value, bound to its owner, versioned by master key, rotatable. */
class AesGcmVaultTest {

    private static final byte[] SECRET = "my-binance-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpens_withAFreshIvEachTime_andNothingOfTheSecretInTheStoredText() {
        AesGcmVault vault = AesGcmVault.of(key(), null);

        SecretVault.Sealed first = vault.seal(SECRET, "user:1");
        SecretVault.Sealed second = vault.seal(SECRET, "user:1");

        assertThat(vault.open(first, "user:1")).isEqualTo(SECRET);
        assertThat(first.ciphertext()).as("a fresh IV: the same secret never seals the same way twice")
                .isNotEqualTo(second.ciphertext());
        assertThat(first.keyVersion()).isEqualTo(vault.keyVersion()).hasSize(8);
        assertThat(new String(Base64.getDecoder().decode(first.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("my-binance-secret");
        assertThat(first.toString()).doesNotContain(first.ciphertext());
    }

    @Test
    void aSealedValue_doesNotOpenForAnotherOwner_norWhenTampered() {
        AesGcmVault vault = AesGcmVault.of(key(), null);
        SecretVault.Sealed sealed = vault.seal(SECRET, "user:1");

        assertThatThrownBy(() -> vault.open(sealed, "user:2")).hasMessageContaining("does not open");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SecretVault.Sealed tampered = new SecretVault.Sealed(sealed.keyVersion(),
                Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> vault.open(tampered, "user:1")).hasMessageContaining("does not open");
    }

    @Test
    void rotation_theNewKeyWithThePreviousOpensOldValues_andSaysTheyNeedResealing() {
        byte[] oldKey = key();
        byte[] newKey = key();
        SecretVault.Sealed underOld = AesGcmVault.of(oldKey, null).seal(SECRET, "user:1");

        AesGcmVault rotating = AesGcmVault.of(newKey, oldKey);
        assertThat(rotating.needsResealing(underOld)).isTrue();
        SecretVault.Sealed resealed = rotating.seal(rotating.open(underOld, "user:1"), "user:1");
        assertThat(rotating.needsResealing(resealed)).isFalse();

        AesGcmVault afterRotation = AesGcmVault.of(newKey, null);
        assertThat(afterRotation.open(resealed, "user:1")).isEqualTo(SECRET);
        assertThatThrownBy(() -> afterRotation.open(underOld, "user:1"))
                .hasMessageContaining("neither the current nor the previous");
    }

    @Test
    void withoutAMasterKey_nothingCanBeSealed_andABadKeyIsRefusedAtStart() {
        AesGcmVault disabled = AesGcmVault.disabled("no master key");

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("no master key");
        assertThatThrownBy(() -> disabled.seal(SECRET, "user:1")).hasMessageContaining("disabled");
        assertThatThrownBy(() -> AesGcmVault.decodeKey(Base64.getEncoder().encodeToString(new byte[16]), "the key"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AesGcmVault.decodeKey("not base64!", "the key")).hasMessageContaining("base64");
    }

    static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
