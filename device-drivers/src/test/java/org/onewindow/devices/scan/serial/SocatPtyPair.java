package org.onewindow.devices.scan.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Two linked pseudo-terminals from socat; the test owns the process and ends it on close. */
final class SocatPtyPair implements AutoCloseable {

    final Path scannerSide;
    final Path hostSide;
    private final Process socat;

    SocatPtyPair(Path dir) throws IOException, InterruptedException {
        scannerSide = dir.resolve("ttyScanner");
        hostSide = dir.resolve("ttyHost");
        ProcessBuilder builder = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + scannerSide, "pty,raw,echo=0,link=" + hostSide)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile());
        try {
            socat = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("socat is required for the serial scanner tests: apt-get install -y socat", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(scannerSide) && Files.exists(hostSide))) {
            if (!socat.isAlive()) {
                throw new IllegalStateException("socat exited: " + Files.readString(dir.resolve("socat.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("socat did not create the pty links in 10 s");
            }
            socat.waitFor(20, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
