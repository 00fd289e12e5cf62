package org.onewindow.cache.reliability;

import org.onewindow.cache.testing.TestPackages;
import org.onewindow.core.evidence.EvidencePackage;

/** Packages the crash test can regenerate from their number alone, to check content after recovery. */
final class CrashPackages {
    private CrashPackages() {
    }

    static String id(int n) {
        return "crash-" + n;
    }

    static int number(String id) {
        return Integer.parseInt(id.substring("crash-".length()));
    }

    static EvidencePackage numbered(int n) {
        // sizes vary so kills land inside pages of different shapes
        return TestPackages.typical(id(n), "case-" + (n % 7), n, 500 + n % 900, 2_000 + (n * 37) % 9_000,
                1_000 + (n * 101) % 20_000);
    }
}
