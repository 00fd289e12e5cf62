package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.devices.passport.MrzLine2;
import org.onewindow.devices.passport.sim.PassportChipEmulator;
import org.onewindow.devices.passport.sim.Pcscd;
import org.onewindow.devices.passport.sim.SyntheticPassport;
import picocli.CommandLine;

/**
 * read-passport against the chip emulator through pcscd and vsmartcard's vpcd (apt-get install pcscd
 * vsmartcard-vpcd; pcscd is started here when it is not running).
 */
@Timeout(120)
class ReadPassportCommandTest {
    static Pcscd pcscd;
    static SyntheticPassport passport;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startPcscd() {
        pcscd = Pcscd.ensureRunning(Duration.ofSeconds(20));
        passport = SyntheticPassport.demo();
    }

    @AfterAll
    static void stopPcscd() {
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @Test
    void printsThePassportMaskedByDefault() throws Exception {
        try (PassportChipEmulator chip = PassportChipEmulator.insertAndAwait(passport, Duration.ofSeconds(15))) {
            int exit = run("--mrz", passport.mrzLine2(), "--reader", PassportChipEmulator.VPCD_READER);
            assertThat(exit).as(out.toString() + err).isZero();
        }
        JsonNode json = IdCardJson.MAPPER.readTree(out.toString());
        assertThat(json.get("documentCode").asText()).isEqualTo("P");
        assertThat(json.get("documentNumber").asText()).isEqualTo("*******78");
        assertThat(json.get("surname").asText()).isEqualTo("Z****");
        assertThat(json.get("givenNames").asText()).isEqualTo("S**");
        assertThat(json.get("issuingState").asText()).isEqualTo("CHN");
        assertThat(json.get("dateOfBirth").asText()).isEqualTo("1990-03-07");
        assertThat(json.get("dateOfExpiry").asText()).isEqualTo("2031-01-01");
        assertThat(json.get("face").get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(json.get("face").get("bytes").asInt()).isEqualTo(passport.faceJpeg().length);
        JsonNode pa = json.get("passiveAuthentication");
        assertThat(pa.get("passed").asBoolean()).isTrue();
        assertThat(pa.get("cscaChain").asText()).isEqualTo("NOT_CHECKED");
        assertThat(pa.get("detail").asText()).contains("not checked: no CSCA list configured");
        assertThat(out.toString()).doesNotContain("E12345678", "ZHANG");
    }

    @Test
    void revealsOnRequestAndChecksTheChainAgainstACscaFile() throws Exception {
        Path pem = dir.resolve("csca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(passport.csca().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        try (PassportChipEmulator chip = PassportChipEmulator.insertAndAwait(passport, Duration.ofSeconds(15))) {
            assertThat(run("--mrz", passport.mrzLine2(), "--csca", pem.toString(), "--reveal")).isZero();
        }
        JsonNode json = IdCardJson.MAPPER.readTree(out.toString());
        assertThat(json.get("documentNumber").asText()).isEqualTo("E12345678");
        assertThat(json.get("surname").asText()).isEqualTo("ZHANG");
        assertThat(json.get("passiveAuthentication").get("cscaChain").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void aWrongMrzIsATypedJsonError() throws Exception {
        String wrong = MrzLine2.format("E12345678", "CHN", "900307", 'M', "310102", null);
        try (PassportChipEmulator chip = PassportChipEmulator.insertAndAwait(passport, Duration.ofSeconds(15))) {
            assertThat(run("--mrz", wrong)).isEqualTo(ReadPassportCommand.EXIT_DEVICE_ERROR);
        }
        JsonNode error = IdCardJson.MAPPER.readTree(out.toString()).get("error");
        assertThat(error.get("reason").asText()).isEqualTo("BAC_REFUSED");
        assertThat(error.get("kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(error.get("messageKey").asText()).isEqualTo("device.error.AUTHENTICATION");
    }

    @Test
    void noChipIsATypedJsonError() throws Exception {
        PassportChipEmulator.awaitCard(PassportChipEmulator.VPCD_READER, false, Duration.ofSeconds(15));
        assertThat(run("--mrz", passport.mrzLine2(), "--reader", PassportChipEmulator.VPCD_READER))
                .isEqualTo(ReadPassportCommand.EXIT_DEVICE_ERROR);
        JsonNode error = IdCardJson.MAPPER.readTree(out.toString()).get("error");
        assertThat(error.get("reason").asText()).isEqualTo("NO_CARD");
        assertThat(error.get("kind").asText()).isEqualTo("NO_CARD");
    }

    @Test
    void aWrongCheckDigitIsAUsageErrorNamingTheField() {
        String line = passport.mrzLine2();
        char digit = line.charAt(9) == '0' ? '1' : '0';
        assertThat(run("--mrz", line.substring(0, 9) + digit + line.substring(10))).isEqualTo(2);
        assertThat(err.toString()).contains("check digit for the document number").doesNotContain("E12345678");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ReadPassportCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
