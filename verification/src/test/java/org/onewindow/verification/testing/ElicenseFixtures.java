package org.onewindow.verification.testing;

import java.time.Instant;
import java.util.Map;
import org.onewindow.core.verify.CredentialIdentifier;
import org.onewindow.verification.elicense.ElicenseQrContent;

/** Offline e-license QR contents for the tests: invented business and holder. */
public final class ElicenseFixtures {
    public static final String ISSUER_CODE = "11370100004260133A";
    public static final String IDENTIFIER = new CredentialIdentifier("02", ISSUER_CODE, "00000777", "001").toString();
    public static final Instant ISSUED = Instant.parse("2025-03-01T02:00:00Z");
    public static final Instant UNTIL = Instant.parse("2030-03-01T00:00:00Z");
    public static final Instant DURING = Instant.parse("2026-11-29T04:00:00Z");

    private ElicenseFixtures() {
    }

    public static ElicenseQrContent businessLicense(String statusList, long index) {
        return new ElicenseQrContent(ISSUER_CODE, IDENTIFIER, "business-license", "营业执照", "济南泉城软件有限公司",
                "91370100MA3C1234XK", "济南市市场监督管理局", ISSUED, ISSUED, UNTIL, new byte[32], statusList, index,
                Map.of("legalRepresentative", "张伟"));
    }

    public static ElicenseQrContent with(String identifier, String issuerCode, Instant from, Instant until) {
        return new ElicenseQrContent(issuerCode, identifier, "business-license", "营业执照", "济南泉城软件有限公司",
                "91370100MA3C1234XK", "济南市市场监督管理局", ISSUED, from, until, null, null, 0, Map.of());
    }
}
