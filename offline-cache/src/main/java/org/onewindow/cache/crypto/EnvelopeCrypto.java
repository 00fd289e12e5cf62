package org.onewindow.cache.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Envelope encryption of one package: a fresh data key per package encrypts its blobs and manifest with
 * an AEAD cipher; the data key is stored wrapped (AES-256-GCM) under the workstation's wrapping key.
 * Every ciphertext is bound by its associated data to the package and its slot, so rows cannot be swapped
 * between packages unnoticed. Layout of every ciphertext: 12-byte IV || ciphertext || 16-byte tag.
 */
public final class EnvelopeCrypto {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey wrappingKey;

    public EnvelopeCrypto(SecretKey wrappingKey) {
        this.wrappingKey = wrappingKey;
    }

    /** A data key for one package, in the clear only in memory. */
    public SecretKey newDataKey(CipherSuite suite) {
        byte[] key = new byte[suite.keyBytes()];
        random.nextBytes(key);
        return new SecretKeySpec(key, suite.keyAlgorithm());
    }

    public byte[] wrap(SecretKey dataKey, String packageId, CipherSuite suite) throws GeneralSecurityException {
        return seal(CipherSuite.AES_256_GCM, wrappingKey, dataKey.getEncoded(), wrapContext(packageId, suite));
    }

    public SecretKey unwrap(byte[] wrapped, String packageId, CipherSuite suite) throws GeneralSecurityException {
        byte[] raw = open(CipherSuite.AES_256_GCM, wrappingKey, wrapped, wrapContext(packageId, suite));
        try {
            return new SecretKeySpec(raw, suite.keyAlgorithm());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public byte[] seal(CipherSuite suite, SecretKey key, byte[] plaintext, byte[] associatedData)
            throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = cipher(suite);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData);
        ByteBuffer out = ByteBuffer.allocate(IV_BYTES + cipher.getOutputSize(plaintext.length));
        out.put(iv);
        cipher.doFinal(ByteBuffer.wrap(plaintext), out);
        return out.array();
    }

    public byte[] open(CipherSuite suite, SecretKey key, byte[] sealed, byte[] associatedData)
            throws GeneralSecurityException {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        Cipher cipher = cipher(suite);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    /** Associated data naming where a ciphertext belongs ("manifest", "blob/3"). */
    public static byte[] context(String packageId, String slot) {
        return ("onewindow/" + packageId + "/" + slot).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrapContext(String packageId, CipherSuite suite) {
        return context(packageId, "data-key/" + suite.name());
    }

    private static Cipher cipher(CipherSuite suite) throws GeneralSecurityException {
        return suite.needsBouncyCastle()
                ? Cipher.getInstance(suite.transformation(), BouncyCastle.PROVIDER)
                : Cipher.getInstance(suite.transformation());
    }

    /** Loaded on first SM4 use only: the provider registers hundreds of classes (a slower start for AES halls). */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
