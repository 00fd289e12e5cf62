package org.onewindow.cache.testing;

import java.nio.file.Path;
import org.onewindow.cache.crypto.WorkstationKeys;

/** Workstation keys for tests: made once per JVM (EC key generation and PKCS#12 are slow-ish). */
public final class TestKeys {
    private static WorkstationKeys shared;

    private TestKeys() {
    }

    public static synchronized WorkstationKeys shared() {
        if (shared == null) {
            try {
                Path dir = java.nio.file.Files.createTempDirectory("onewindow-keys");
                shared = WorkstationKeys.loadOrCreate(dir.resolve("ws.p12"), "test-password".toCharArray(), "WS-0301");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }
}
