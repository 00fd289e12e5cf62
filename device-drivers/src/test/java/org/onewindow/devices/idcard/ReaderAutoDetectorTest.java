package org.onewindow.devices.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.device.DeviceException;
import org.onewindow.devices.idcard.link.ByteLink;
import org.onewindow.devices.idcard.link.InMemoryLink;
import org.onewindow.devices.idcard.link.SerialPortLink;
import org.onewindow.devices.idcard.photo.PhotoDecoder;
import org.onewindow.devices.idcard.protocol.BaudRate;
import org.onewindow.devices.idcard.sim.IdReaderSimulator;
import org.onewindow.devices.idcard.sim.SimulatedCardSlot;
import org.onewindow.devices.idcard.sim.SimulatorFaults;
import org.onewindow.devices.idcard.testing.SocatPtyPair;

class ReaderAutoDetectorTest {
    @TempDir
    Path dir;

    @Test
    void findsTheReaderAmongAMissingASilentAndAGarbagePortOnRealPtys() throws Exception {
        try (SocatPtyPair silent = SocatPtyPair.start(Files.createDirectory(dir.resolve("silent")));
             SocatPtyPair chatty = SocatPtyPair.start(Files.createDirectory(dir.resolve("chatty")));
             SocatPtyPair reader = SocatPtyPair.start(Files.createDirectory(dir.resolve("reader")));
             IdReaderSimulator simulator = new IdReaderSimulator(new SimulatedCardSlot(), new SimulatorFaults())) {
            // a device that answers everything with noise, like a modem or a scale on the wrong port
            SerialPortLink chattyDevice = SerialPortLink.open(chatty.deviceEnd(), 115_200);
            Thread noise = new Thread(() -> answerWithNoise(chattyDevice), "noise device");
            noise.setDaemon(true);
            noise.start();
            simulator.serve(SerialPortLink.open(reader.deviceEnd(), 115_200));

            List<String> ports = List.of(dir.resolve("missing").toString(), silent.hostEnd(), chatty.hostEnd(),
                    reader.hostEnd());
            List<ReaderAutoDetector.Probe> probes = new ArrayList<>();
            Optional<ReaderAutoDetector.Detection> found = new ReaderAutoDetector(SerialPortLink::open, 150)
                    .detect(ports, List.of(BaudRate.B115200, BaudRate.B9600), probes);

            assertThat(found).contains(new ReaderAutoDetector.Detection(reader.hostEnd(), 115_200,
                    IdReaderSimulator.DEFAULT_SAM_ID));
            assertThat(probes).extracting(ReaderAutoDetector.Probe::outcome).first().asString()
                    .startsWith("cannot open");
            assertThat(probes).filteredOn(p -> p.port().equals(silent.hostEnd())).hasSize(2)
                    .allSatisfy(p -> assertThat(p.outcome()).startsWith("TIMEOUT"));
            assertThat(probes).filteredOn(p -> p.port().equals(chatty.hostEnd())).hasSize(2)
                    .allSatisfy(p -> assertThat(p.outcome()).startsWith("PROTOCOL"));
            chattyDevice.close();
        }
    }

    @Test
    void findsAReaderSetToAnotherBaudRate() {
        IdReaderSimulator simulator = new IdReaderSimulator(new SimulatedCardSlot(), new SimulatorFaults());
        // a module left at 19200 by a previous set-baud: at other rates the host hears garbage
        ReaderAutoDetector.PortOpener opener = (port, baud) -> {
            InMemoryLink[] wire = InMemoryLink.pair(port, baud);
            wire[1].setBaudRate(19_200);
            simulator.serve(wire[1]);
            return wire[0];
        };
        List<ReaderAutoDetector.Probe> probes = new ArrayList<>();
        Optional<ReaderAutoDetector.Detection> found = new ReaderAutoDetector(opener, 150)
                .detect(List.of("COM3"), BaudRate.detectionOrder(), probes);
        assertThat(found).map(ReaderAutoDetector.Detection::baud).contains(19_200);
        assertThat(probes).extracting(ReaderAutoDetector.Probe::baud).containsExactly(115_200, 57_600, 38_400, 19_200);
        simulator.close();
    }

    @Test
    void diagnosticsReportTheProbesAndThePhotoDecoderState() throws Exception {
        try (SocatPtyPair reader = SocatPtyPair.start(dir);
             IdReaderSimulator simulator = new IdReaderSimulator(new SimulatedCardSlot(), new SimulatorFaults())) {
            simulator.serve(SerialPortLink.open(reader.deviceEnd(), 115_200));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            Optional<ReaderAutoDetector.Detection> found = new ReaderDiagnostics(
                    new ReaderAutoDetector(SerialPortLink::open, 150), false).run(
                    new PrintStream(text, true, StandardCharsets.UTF_8), List.of(reader.hostEnd()),
                    PhotoDecoder.notInstalled("no decoder library configured"));
            String report = text.toString(StandardCharsets.UTF_8);
            assertThat(found).isPresent();
            assertThat(report).contains("ID-card reader: " + reader.hostEnd() + " at 115200 baud, SAM ID "
                    + IdReaderSimulator.DEFAULT_SAM_ID);
            assertThat(report).contains("Photo decoder: photo decoder not installed");
            assertThat(report).contains("Serial ports listed by the system");
        }
    }

    private static void answerWithNoise(ByteLink device) {
        byte[] in = new byte[256];
        byte[] junk = "+++ATZ\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            while (true) {
                if (device.read(in, 100) > 0) {
                    device.write(junk);
                }
            }
        } catch (DeviceException e) {
            // the pty went away at the end of the test
        }
    }
}
