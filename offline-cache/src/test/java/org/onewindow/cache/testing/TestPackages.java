package org.onewindow.cache.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.evidence.EvidenceItem;
import org.onewindow.core.evidence.EvidencePackage;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationMode;
import org.onewindow.core.verify.VerificationResult;

/** Evidence packages for tests: ZHANG_WEI's card text, photo, face frame and document pages. */
public final class TestPackages {
    public static final IdCard CITIZEN = DemoCitizens.ZHANG_WEI;

    private TestPackages() {
    }

    /** A small package whose content depends only on {@code seed} (so a test can regenerate it). */
    public static EvidencePackage small(String packageId, String caseId, long seed) {
        return typical(packageId, caseId, seed, 600, 1_500, 1_000);
    }

    /**
     * The "typical" package of the issue: ID card text, ID photo, face frame, two document pages, plus the
     * identity verification with the citizen's name and number among its claims.
     */
    public static EvidencePackage typical(String packageId, String caseId, long seed, int photoBytes, int faceBytes,
                                          int pageBytes) {
        Random random = new Random(seed);
        List<EvidenceItem> items = new ArrayList<>();
        String cardText = "{\"name\":\"" + CITIZEN.name() + "\",\"idNumber\":\"" + CITIZEN.idNumber()
                + "\",\"address\":\"" + CITIZEN.address() + "\",\"seed\":" + seed + "}";
        items.add(new EvidenceItem("id-card", "application/json", cardText.getBytes(StandardCharsets.UTF_8), "ID card text"));
        items.add(new EvidenceItem("id-photo", "image/jpeg", bytes(random, photoBytes), "ID photo"));
        items.add(new EvidenceItem("face-frame", "image/jpeg", bytes(random, faceBytes), "face frame"));
        items.add(new EvidenceItem("document-page", "image/jpeg", bytes(random, pageBytes), "page 1"));
        items.add(new EvidenceItem("document-page", "image/jpeg", bytes(random, pageBytes), "page 2"));
        VerificationResult identity = new VerificationResult("resident-id-card", Verdict.VALID, null, "online check",
                Map.of("checkDigit", true, "backend", true),
                Map.of("name", CITIZEN.name(), "idNumber", CITIZEN.idNumber()),
                VerificationMode.ONLINE, null, Instant.parse("2026-11-29T08:00:00Z"));
        return new EvidencePackage(packageId, caseId, "370100-SB-001", "clerk-07", "jinan-lixia", "W03", "WS-0301",
                Instant.parse("2026-11-29T08:00:00Z").plusSeconds(seed), items, List.of(identity));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
