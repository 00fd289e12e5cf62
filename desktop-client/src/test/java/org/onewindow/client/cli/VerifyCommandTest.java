package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.verification.cbor.Cbor;
import org.onewindow.verification.codec.Base45;
import org.onewindow.verification.codec.Zlib;
import org.onewindow.verification.cose.CoseAlgorithm;
import org.onewindow.verification.cose.CoseSign1;
import org.onewindow.verification.trust.Certificates;
import picocli.CommandLine;

class VerifyCommandTest {
    static final String AT = "2026-11-29T12:00:00Z";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path certFile;
    static String hc1;

    @BeforeAll
    static void vector() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        X500Name name = new X500Name("CN=CLI test DSC,C=DE");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, Date.from(Instant.parse("2025-01-01T00:00:00Z")), Date.from(Instant.parse("2030-01-01T00:00:00Z")),
                name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        certFile = Files.writeString(dir.resolve("dsc.pem"), Certificates.toPem(cert));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tg", "840539006");
        v.put("vp", "1119349007");
        v.put("mp", "EU/1/20/1528");
        v.put("ma", "ORG-100030215");
        v.put("dn", 1L);
        v.put("sd", 2L);
        v.put("dt", "2026-05-20");
        v.put("co", "DE");
        v.put("is", "RKI");
        v.put("ci", "URN:UVCI:01:DE:CLI#1");
        Map<String, Object> dgc = new LinkedHashMap<>();
        dgc.put("ver", "1.3.0");
        dgc.put("nam", Map.of("fn", "Mustermann", "fnt", "MUSTERMANN"));
        dgc.put("dob", "1964-08-12");
        dgc.put("v", List.of(v));
        Map<Object, Object> cwt = new LinkedHashMap<>();
        cwt.put(1L, "DE");
        cwt.put(6L, Instant.parse("2026-06-01T00:00:00Z").getEpochSecond());
        cwt.put(4L, Instant.parse("2027-06-01T00:00:00Z").getEpochSecond());
        cwt.put(-260L, Map.of(1L, dgc));
        hc1 = "HC1:" + Base45.encode(Zlib.deflate(CoseSign1.sign(CoseAlgorithm.ES256, Certificates.hcertKidBytes(cert),
                Cbor.encode(cwt), keys.getPrivate())));
    }

    record Run(int exit, List<JsonNode> lines, String err) {
    }

    static Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exit, lines, err.toString());
    }

    @Test
    void verifiesAnHcertWithATrustedCertificateAndPrintsEveryCheck() throws Exception {
        Run r = run("--payload", hc1, "--trust", certFile.toString(), "--at", AT);

        assertThat(r.exit()).isZero();
        JsonNode line = r.lines().get(0);
        assertThat(line.path("format").asText()).isEqualTo("hcert");
        assertThat(line.path("verdict").asText()).isEqualTo("VALID");
        assertThat(line.path("reason").isNull()).isTrue();
        assertThat(line.path("checks").path("signature").asBoolean()).isTrue();
        assertThat(line.path("checks").path("expiry").asBoolean()).isTrue();
        assertThat(line.path("checks").has("keyBinding")).isTrue();
        assertThat(line.path("checks").path("keyBinding").isNull()).isTrue();
        assertThat(line.path("claims").path("holderName").asText()).isEqualTo("M*********");
    }

    @Test
    void revealsClaimsOnlyWhenAsked() throws Exception {
        Run r = run("--payload", hc1, "--trust", certFile.toString(), "--at", AT, "--reveal");

        assertThat(r.lines().get(0).path("claims").path("holderName").asText()).isEqualTo("Mustermann");
    }

    @Test
    void runsABatchInOrderAndFailsWhenOneIsInvalid() throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), hc1 + "\n");
        Path bad = Files.writeString(dir.resolve("bad.txt"), "HC1:NOT-BASE45!!");

        Run r = run("--payload-file", bad.toString(), "--trust", certFile.toString(), "--payload-file", good.toString(),
                "--payload", DemoCitizens.ZHANG_WEI.idNumber(), "--at", AT);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).path("reason").asText()).isEqualTo("MALFORMED");
        assertThat(r.lines().get(0).path("checks").path("decode").asBoolean()).isFalse();
        assertThat(r.lines().get(1).path("verdict").asText()).isEqualTo("VALID");
        assertThat(r.lines().get(2).path("format").asText()).isEqualTo("id-number");
        assertThat(r.lines().get(2).path("claims").path("holderId").asText()).isEqualTo("370102********1238");
    }

    @Test
    void enforcesAnExpectedCredentialType() throws Exception {
        Run wanted = run("--payload", hc1, "--trust", certFile.toString(), "--at", AT, "--expect-type", "hcert-vaccination");
        Run other = run("--payload", hc1, "--trust", certFile.toString(), "--at", AT, "--expect-type", "business-license");

        assertThat(wanted.exit()).isZero();
        assertThat(wanted.lines().get(0).path("checks").path("type").asBoolean()).isTrue();
        assertThat(other.exit()).isEqualTo(3);
        assertThat(other.lines().get(0).path("reason").asText()).isEqualTo("WRONG_CREDENTIAL_TYPE");
    }

    @Test
    void readsAQrCodeFromAnImage() throws Exception {
        Path png = dir.resolve("hc1.png");
        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode(hc1, BarcodeFormat.QR_CODE, 1000, 1000), "PNG", png);

        Run r = run("--image", png.toString(), "--trust", certFile.toString(), "--at", AT);

        assertThat(r.exit()).as("%s", r.lines()).isZero();
        assertThat(r.lines().get(0).path("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void isUnverifiableWithoutTrustAndAfterExpiryInvalid() throws Exception {
        Run noTrust = run("--payload", hc1, "--at", AT);
        Run late = run("--payload", hc1, "--trust", certFile.toString(), "--at", "2027-07-01T00:00:00Z");

        assertThat(noTrust.exit()).isEqualTo(4);
        assertThat(noTrust.lines().get(0).path("verdict").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(late.lines().get(0).path("reason").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void resolvesAnOnlineTokenThroughTheBackEnd() throws Exception {
        try (org.onewindow.sandbox.SandboxBackend sandbox = org.onewindow.sandbox.SandboxBackend.start(dir.resolve("sandbox"), 0);
             org.onewindow.verification.backend.HttpHallServices http = new org.onewindow.verification.backend.HttpHallServices(
                     org.onewindow.verification.backend.BackendConfig.of(sandbox.baseUri(), "WS"))) {
            String payload = http.callJson("POST", "/api/v1/credentials/demo-tokens",
                    JSON.createObjectNode().put("idNumber", DemoCitizens.LI_NA.idNumber()).put("credentialType", "eid"))
                    .path("payload").asText();
            Path password = Files.writeString(dir.resolve("password"), "demo\n");

            Run r = run("--payload", payload, "--backend", sandbox.baseUri().toString(), "--account", "demo",
                    "--password-file", password.toString());
            Run wrongPassword = run("--payload", payload, "--backend", sandbox.baseUri().toString(), "--account", "demo",
                    "--password-file", certFile.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.lines().get(0).path("format").asText()).isEqualTo("online-credential");
            assertThat(r.lines().get(0).path("mode").asText()).isEqualTo("ONLINE");
            assertThat(r.lines().get(0).path("checks").path("online").asBoolean()).isTrue();
            assertThat(r.lines().get(0).path("claims").path("holderName").asText()).isEqualTo("李*");
            assertThat(wrongPassword.exit()).isEqualTo(5);
        }
    }

    @Test
    void reportsUnreadableTrustFilesAndMissingInputs() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "junk");

        assertThat(run("--payload", hc1, "--trust", junk.toString()).exit()).isEqualTo(5);
        assertThat(run("--at", AT).exit()).isEqualTo(2); // picocli's usage-error code
        Run noImage = run("--image", dir.resolve("missing.png").toString());
        assertThat(noImage.lines().get(0).path("reason").asText()).isEqualTo("MALFORMED");
    }
}
