package org.onewindow.devices.scan.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.core.device.DeviceException;
import org.onewindow.core.device.ScanEvent;
import org.onewindow.core.device.Symbology;

/** The real jSerialComm path against a socat pseudo-terminal pair: the test writes what a scanner would send. */
class SerialCodeScannerPtyTest {

    @TempDir
    Path dir;

    private SocatPtyPair pty;
    private SerialCodeScanner scanner;
    private OutputStream scannerWire;
    private final BlockingQueue<ScanEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void startPty() throws Exception {
        pty = new SocatPtyPair(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (scanner != null) {
            scanner.close();
        }
        if (scannerWire != null) {
            scannerWire.close();
        }
        pty.close();
    }

    private void open(SerialScannerSettings settings) throws Exception {
        scanner = new SerialCodeScanner(settings);
        scanner.start(events::add);
        scannerWire = Files.newOutputStream(pty.scannerSide);
    }

    private void send(byte[] bytes) throws Exception {
        scannerWire.write(bytes);
        scannerWire.flush();
    }

    private ScanEvent next() throws InterruptedException {
        ScanEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("a scan event within 5 s").isNotNull();
        return event;
    }

    @Test
    void codesEndAtTheTerminator() throws Exception {
        open(SerialScannerSettings.of(pty.hostSide.toString()));
        send("ABC-123\r\n".getBytes(StandardCharsets.US_ASCII));
        send("电子证照:91110000\r".getBytes(StandardCharsets.UTF_8));

        ScanEvent first = next();
        assertThat(first.text()).isEqualTo("ABC-123");
        assertThat(first.symbology()).isEqualTo(Symbology.UNKNOWN);
        assertThat(first.source()).isEqualTo("serial:" + pty.hostSide);
        assertThat(next().text()).isEqualTo("电子证照:91110000");
    }

    @Test
    void codeWithoutTerminatorIsDeliveredAfterTheIdleTimeout() throws Exception {
        open(SerialScannerSettings.of(pty.hostSide.toString()).withIdleFlush(Duration.ofMillis(150)));
        send("NO-SUFFIX-42".getBytes(StandardCharsets.US_ASCII));
        assertThat(next().text()).isEqualTo("NO-SUFFIX-42");
    }

    @Test
    void configurableTerminatorAndAimIdentifier() throws Exception {
        open(SerialScannerSettings.of(pty.hostSide.toString()).withTerminator("\u0004").withAimIds(true));
        send("]Q1HELLO\r\nWORLD\u0004".getBytes(StandardCharsets.US_ASCII));
        ScanEvent event = next();
        assertThat(event.symbology()).isEqualTo(Symbology.QR_CODE);
        assertThat(event.text()).isEqualTo("HELLO\r\nWORLD");
    }

    @Test
    void binaryAndEscapeSequencesArriveAsDataAndBigPayloadsInOnePiece() throws Exception {
        open(SerialScannerSettings.of(pty.hostSide.toString()).withTerminator("\n"));
        byte[] hostile = {0x1B, '[', '2', 'J', (byte) 0xFF, (byte) 0xC0, 0x00, 0x07};
        byte[] big = "Q".repeat(6000).getBytes(StandardCharsets.US_ASCII);
        send(concat(hostile, new byte[] {'\n'}, big, new byte[] {'\n'}));

        assertThat(next().payload()).isEqualTo(hostile);
        assertThat(next().payload()).isEqualTo(big);
    }

    @Test
    void reopensThePortWhenTheDeviceComesBack() throws Exception {
        open(SerialScannerSettings.of(pty.hostSide.toString()));
        send("BEFORE\r".getBytes(StandardCharsets.US_ASCII));
        assertThat(next().text()).isEqualTo("BEFORE");

        // unplug: the pty pair goes away; plug in again: a new pair under the same names
        scannerWire.close();
        scannerWire = null;
        pty.close();
        java.nio.file.Files.deleteIfExists(pty.scannerSide);
        java.nio.file.Files.deleteIfExists(pty.hostSide);
        pty = new SocatPtyPair(dir);
        scannerWire = Files.newOutputStream(pty.scannerSide);
        // the scanner retries once a second; keep sending until a code gets through
        ScanEvent after = null;
        for (int attempt = 0; attempt < 20 && after == null; attempt++) {
            send("AFTER\r".getBytes(StandardCharsets.US_ASCII));
            after = events.poll(500, TimeUnit.MILLISECONDS);
        }
        assertThat(after).as("a scan after the port came back").isNotNull();
        assertThat(after.text()).isEqualTo("AFTER");
    }

    @Test
    void missingPortIsAClearDeviceError() {
        SerialCodeScanner missing = new SerialCodeScanner(SerialScannerSettings.of(dir.resolve("nope").toString()));
        assertThatThrownBy(() -> missing.start(events::add))
                .isInstanceOf(DeviceException.class)
                .satisfies(e -> assertThat(((DeviceException) e).kind()).isEqualTo(DeviceException.Kind.NOT_CONNECTED));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
