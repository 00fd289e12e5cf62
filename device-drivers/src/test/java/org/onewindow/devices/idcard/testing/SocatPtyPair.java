package org.onewindow.devices.idcard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat: a real OS serial device for each side. The test owns
 * the socat process; the links vanish when it stops, which is how the hot-plug tests "unplug" a reader.
 * socat is required (CI installs it): without it the test fails and says how to install it.
 */
public final class SocatPtyPair implements AutoCloseable {
    private final Path hostEnd;
    private final Path deviceEnd;
    private Process socat;

    private SocatPtyPair(Path hostEnd, Path deviceEnd) {
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
    }

    /** Starts socat with links {@code dir/host} and {@code dir/device}. */
    public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
        SocatPtyPair pair = new SocatPtyPair(dir.resolve("host"), dir.resolve("device"));
        pair.plugIn();
        return pair;
    }

    public String hostEnd() {
        return hostEnd.toString();
    }

    public String deviceEnd() {
        return deviceEnd.toString();
    }

    /** (Re)creates the pair under the same link names: a reader plugged (back) in. */
    public void plugIn() throws IOException, InterruptedException {
        if (socat != null && socat.isAlive()) {
            throw new IllegalStateException("already plugged in");
        }
        ProcessBuilder pb = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + hostEnd,
                "pty,raw,echo=0,link=" + deviceEnd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            socat = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("socat is required for the serial-port tests and was not found on PATH: "
                    + "install it (Debian/Ubuntu: apt-get install -y socat)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(hostEnd) && Files.exists(deviceEnd))) {
            if (!socat.isAlive()) {
                throw new IllegalStateException("socat exited with " + socat.exitValue() + " before creating the ptys");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("socat did not create " + hostEnd + " and " + deviceEnd + " in 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** Stops socat: both ptys disappear, like a reader pulled out. */
    public void unplug() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            socat = null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((Files.exists(hostEnd) || Files.exists(deviceEnd)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
