package org.onewindow.verification.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.backend.ArchiveReceipt;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.backend.IdentityCheckRequest;
import org.onewindow.core.backend.IdentityCheckResult;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.http.FaultRule;

/** The real client against the real sandbox over loopback HTTP. */
class HttpHallServicesTest {
    @TempDir
    Path data;
    SandboxBackend sandbox;
    HttpHallServices client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxBackend.start(data, 0);
        client = new HttpHallServices(new BackendConfig(sandbox.baseUri(), "WS-TEST-01", Duration.ofSeconds(1),
                Duration.ofMillis(1500)));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void reportsHealth() throws Exception {
        assertThat(client.health().isUp()).isTrue();
    }

    @Test
    void signsInTheDemoClerkAndRejectsAWrongPassword() throws Exception {
        ClerkSession s = client.signIn("demo", "demo".toCharArray());
        assertThat(s.displayName()).isEqualTo("王晓梅");
        assertThat(s.has(ClerkSession.Role.CLERK)).isTrue();
        assertThatThrownBy(() -> client.signIn("demo", "wrong".toCharArray()))
                .isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNAUTHORIZED));
    }

    @Test
    void identityCheckNeedsASession() {
        assertThatThrownBy(() -> client.checkIdentity(new IdentityCheckRequest("370102199003071238", "张伟")))
                .isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNAUTHORIZED));
    }

    @Test
    void registryMatchesKnownCitizensAndRejectsAWrongName() throws Exception {
        client.signIn("demo", "demo".toCharArray());
        var card = DemoCitizens.ZHANG_WEI;
        IdentityCheckResult match = client.checkIdentity(new IdentityCheckRequest(card.idNumber(), card.name()));
        assertThat(match.outcome()).isEqualTo(IdentityCheckResult.Outcome.MATCH);
        assertThat(match.checkId()).startsWith("IDC-");
        assertThat(client.checkIdentity(new IdentityCheckRequest(card.idNumber(), "王五")).outcome())
                .isEqualTo(IdentityCheckResult.Outcome.NO_MATCH);
        assertThat(client.checkIdentity(new IdentityCheckRequest("11010519491231002X", "某人")).outcome())
                .isEqualTo(IdentityCheckResult.Outcome.UNKNOWN);
    }

    @Test
    void archivesBlobsThenAManifestAndVerifiesTheSignedReceipt() throws Exception {
        byte[] blob = "card text".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(blob);
        assertThat(client.hasBlob(sha)).isFalse();
        client.putBlob(sha, blob);
        client.putBlob(sha, blob); // idempotent
        assertThat(client.hasBlob(sha)).isTrue();

        byte[] manifest = ("{\"packageId\":\"P-1\",\"createdAt\":\"2026-11-29T10:00:00Z\",\"workstation\":\"WS-TEST-01\","
                + "\"items\":[{\"kind\":\"id-card\",\"mediaType\":\"application/json\",\"sha256\":\"" + sha
                + "\",\"size\":9}]}").getBytes(StandardCharsets.UTF_8);
        ArchiveReceipt receipt = client.commitManifest("P-1", manifest);
        assertThat(receipt.manifestSha256()).isEqualTo(sha256(manifest));
        assertThat(receipt.receiptNumber()).matches("ARC-\\d{4}-\\d{8}");

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(sandbox.receiptKey());
        verifier.update((receipt.packageId() + "|" + receipt.receiptNumber() + "|" + receipt.manifestSha256() + "|"
                + receipt.archivedAt()).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(receipt.signature()))).isTrue();

        assertThat(client.commitManifest("P-1", manifest)).isEqualTo(receipt);
        assertThat(sandbox.archive().packageCount()).isEqualTo(1);
    }

    @Test
    void aManifestNamingAMissingBlobIsRejected() {
        byte[] manifest = ("{\"packageId\":\"P-2\",\"createdAt\":\"2026-11-29T10:00:00Z\",\"workstation\":\"W\","
                + "\"items\":[{\"kind\":\"x\",\"mediaType\":\"a/b\",\"sha256\":\"" + "0".repeat(64)
                + "\",\"size\":1}]}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> client.commitManifest("P-2", manifest))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("422").contains("missing-blobs");
                });
    }

    @Test
    void aBlobUnderTheWrongHashIsRejected() {
        assertThatThrownBy(() -> client.putBlob("0".repeat(64), new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.REJECTED));
    }

    @Test
    void mapsServerErrorsResetsAndSlownessToTransientKinds() {
        sandbox.addFault(FaultRule.status("GET", "/api/v1/health", 503, 1));
        assertKind(BackendException.Kind.SERVER_ERROR);
        sandbox.addFault(FaultRule.reset("GET", "/api/v1/health", 1));
        assertKind(BackendException.Kind.UNREACHABLE);
        sandbox.addFault(FaultRule.delay("GET", "/api/v1/health", 3000, 1));
        assertKind(BackendException.Kind.TIMEOUT);
    }

    @Test
    void aStoppedBackendIsUnreachableAndARestartedOneServesAgain() throws Exception {
        int port = sandbox.port();
        sandbox.close();
        assertKind(BackendException.Kind.UNREACHABLE);
        sandbox = SandboxBackend.start(data, port);
        assertThat(client.health().isUp()).isTrue();
    }

    @Test
    void aSessionSurvivesABackendRestart() throws Exception {
        client.signIn("demo", "demo".toCharArray());
        int port = sandbox.port();
        sandbox.close();
        sandbox = SandboxBackend.start(data, port);
        var card = DemoCitizens.LI_NA;
        assertThat(client.checkIdentity(new IdentityCheckRequest(card.idNumber(), card.name())).outcome())
                .isEqualTo(IdentityCheckResult.Outcome.MATCH);
    }

    private void assertKind(BackendException.Kind kind) {
        assertThatThrownBy(() -> client.health())
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
