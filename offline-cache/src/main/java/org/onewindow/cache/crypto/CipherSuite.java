package org.onewindow.cache.crypto;

/**
 * How blobs and manifests are encrypted at rest. Each package records its suite, so a hall can switch
 * (e.g. to the national SM4 algorithm) without re-encrypting what is already queued.
 */
public enum CipherSuite {
    /** AES-256-GCM (JDK provider). */
    AES_256_GCM("AES", 32, "AES/GCM/NoPadding", false),
    /** SM4-GCM, 128-bit key (BouncyCastle provider): GB/T 32907 for halls that must use national algorithms. */
    SM4_GCM("SM4", 16, "SM4/GCM/NoPadding", true);

    private final String keyAlgorithm;
    private final int keyBytes;
    private final String transformation;
    private final boolean needsBouncyCastle;

    CipherSuite(String keyAlgorithm, int keyBytes, String transformation, boolean needsBouncyCastle) {
        this.keyAlgorithm = keyAlgorithm;
        this.keyBytes = keyBytes;
        this.transformation = transformation;
        this.needsBouncyCastle = needsBouncyCastle;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keyBytes() {
        return keyBytes;
    }

    public String transformation() {
        return transformation;
    }

    boolean needsBouncyCastle() {
        return needsBouncyCastle;
    }
}
