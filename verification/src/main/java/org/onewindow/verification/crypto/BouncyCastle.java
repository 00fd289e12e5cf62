package org.onewindow.verification.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance (for SM2 / SM3 and certificates the JDK cannot parse). It is
 * passed explicitly and never registered, so JCA defaults stay the JDK's; building it is costly, so once.
 */
public final class BouncyCastle {
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
