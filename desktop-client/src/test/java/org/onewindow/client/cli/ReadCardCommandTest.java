package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import picocli.CommandLine;

/** read-card against the simulator on a real pty (socat required, as in device-drivers). */
class ReadCardCommandTest {
    @TempDir
    Path dir;
    private Process socat;
    private IdReaderSimulator simulator;
    private final SimulatedCardSlot slot = new SimulatedCardSlot();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void startReader() throws Exception {
        Path host = dir.resolve("host");
        Path device = dir.resolve("device");
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("socat is required for this test: apt-get install -y socat", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            assertThat(System.nanoTime()).as("socat made the ptys in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        simulator = new IdReaderSimulator(slot, new SimulatorFaults());
        simulator.serve(SerialPortLink.open(device.toString(), 115_200));
    }

    @AfterEach
    void stopReader() throws Exception {
        simulator.close();
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void printsTheCardMaskedByDefault() throws Exception {
        slot.present(DemoCitizens.ZHANG_WEI);
        int exit = run("--port", dir.resolve("host").toString());
        assertThat(exit).isZero();
        JsonNode json = IdCardJson.MAPPER.readTree(out.toString());
        assertThat(json.get("type").asText()).isEqualTo("RESIDENT");
        assertThat(json.get("idNumber").asText()).isEqualTo("370102********1238");
        assertThat(json.get("name").asText()).isEqualTo("张*");
        assertThat(json.has("address")).isFalse();
        assertThat(json.get("nation").get("name").asText()).isEqualTo("汉");
        assertThat(json.get("birthDate").asText()).isEqualTo("1990-03-07");
        assertThat(json.get("validUntil").asText()).isEqualTo("2036-05-12");
        assertThat(json.get("photo").get("decoded").asBoolean()).isFalse();
        assertThat(out.toString()).doesNotContain("370102199003071238", "张伟", "泉城路");
    }

    @Test
    void revealsOnRequestAndShowsLongTermValidity() throws Exception {
        slot.present(DemoCitizens.LI_NA);
        assertThat(run("--port", dir.resolve("host").toString(), "--baud", "115200", "--reveal")).isZero();
        JsonNode json = IdCardJson.MAPPER.readTree(out.toString());
        assertThat(json.get("idNumber").asText()).isEqualTo(DemoCitizens.LI_NA.idNumber());
        assertThat(json.get("name").asText()).isEqualTo("李娜");
        assertThat(json.get("address").asText()).isEqualTo(DemoCitizens.LI_NA.address());
        assertThat(json.get("validUntil").asText()).isEqualTo("长期");
    }

    @Test
    void printsPermitFieldsForAnHmtResidencePermit() throws Exception {
        slot.present(DemoCitizens.CHAN_KA_MING);
        assertThat(run("--port", dir.resolve("host").toString())).isZero();
        JsonNode json = IdCardJson.MAPPER.readTree(out.toString());
        assertThat(json.get("type").asText()).isEqualTo("HMT_RESIDENCE_PERMIT");
        assertThat(json.get("passNumber").asText()).isEqualTo("*******78");
        assertThat(json.get("issueCount").asInt()).isEqualTo(1);
    }

    @Test
    void noCardIsATypedJsonError() throws Exception {
        int exit = run("--port", dir.resolve("host").toString());
        assertThat(exit).isEqualTo(ReadCardCommand.EXIT_DEVICE_ERROR);
        JsonNode error = IdCardJson.MAPPER.readTree(out.toString()).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("NO_CARD");
        assertThat(error.get("messageKey").asText()).isEqualTo("device.error.NO_CARD");
        assertThat(error.get("message").asText()).contains("Place the ID card");
    }

    @Test
    void aMissingPortIsATypedJsonError() throws Exception {
        int exit = run("--port", dir.resolve("nothing-here").toString());
        assertThat(exit).isEqualTo(ReadCardCommand.EXIT_DEVICE_ERROR);
        JsonNode error = IdCardJson.MAPPER.readTree(out.toString()).get("error");
        assertThat(error.get("kind").asText()).isEqualTo("NOT_CONNECTED");
        assertThat(error.get("message").asText()).contains("no serial port", "onewindow diag");
    }

    @Test
    void withoutAPortItIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReadCardCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute()).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ReadCardCommand());
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }
}
