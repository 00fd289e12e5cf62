package org.onewindow.cache.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.SecretKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.cache.testing.TestKeys;

class EnvelopeCryptoTest {
    private final EnvelopeCrypto crypto = new EnvelopeCrypto(TestKeys.shared().wrappingKey());
    private final byte[] secret = "张伟 370102199003071238".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void sealedContentOpensOnlyInItsOwnSlot(CipherSuite suite) throws Exception {
        SecretKey key = crypto.newDataKey(suite);
        byte[] sealed = crypto.seal(suite, key, secret, EnvelopeCrypto.context("p-1", "blob/0"));

        assertThat(crypto.open(suite, key, sealed, EnvelopeCrypto.context("p-1", "blob/0"))).isEqualTo(secret);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("370102199003071238");
        assertThatThrownBy(() -> crypto.open(suite, key, sealed, EnvelopeCrypto.context("p-1", "blob/1")))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> crypto.open(suite, key, sealed, EnvelopeCrypto.context("p-2", "blob/0")))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aWrappedDataKeyUnwrapsOnlyForItsPackageAndSuite(CipherSuite suite) throws Exception {
        SecretKey key = crypto.newDataKey(suite);
        byte[] wrapped = crypto.wrap(key, "p-1", suite);

        assertThat(crypto.unwrap(wrapped, "p-1", suite).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(key.getEncoded()).hasSize(suite.keyBytes());
        assertThatThrownBy(() -> crypto.unwrap(wrapped, "p-2", suite)).isInstanceOf(GeneralSecurityException.class);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void sealingTwiceGivesDifferentCiphertexts(CipherSuite suite) throws Exception {
        SecretKey key = crypto.newDataKey(suite);
        byte[] ctx = EnvelopeCrypto.context("p-1", "manifest");

        assertThat(crypto.seal(suite, key, secret, ctx)).isNotEqualTo(crypto.seal(suite, key, secret, ctx));
    }
}
