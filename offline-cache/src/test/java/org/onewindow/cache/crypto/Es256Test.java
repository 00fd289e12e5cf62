package org.onewindow.cache.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.onewindow.cache.testing.TestKeys;

class Es256Test {
    private static final byte[] MESSAGE = "{\"packageId\":\"p-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureByTheWorkstationKeyVerifiesWithTheJdk() throws Exception {
        WorkstationKeys keys = TestKeys.shared();

        for (int i = 0; i < 20; i++) {
            byte[] signature = Es256.sign(keys.signingKey(), MESSAGE);
            assertThat(jdkVerifies(keys, signature, MESSAGE)).isTrue();
            assertThat(jdkVerifies(keys, signature, "{\"packageId\":\"p-2\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        }
    }

    @Test
    void eachSignatureDrawsAFreshNonce() throws Exception {
        WorkstationKeys keys = TestKeys.shared();

        assertThat(Es256.sign(keys.signingKey(), MESSAGE)).isNotEqualTo(Es256.sign(keys.signingKey(), MESSAGE));
    }

    @Test
    void aKeyOnAnotherCurveIsSignedByTheJdk() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair pair = ec.generateKeyPair();

        byte[] signature = Es256.sign(pair.getPrivate(), MESSAGE);

        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(pair.getPublic());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
    }

    private static boolean jdkVerifies(WorkstationKeys keys, byte[] signature, byte[] message) throws Exception {
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(keys.publicKey());
        jdk.update(message);
        return jdk.verify(signature);
    }
}
