package org.onewindow.devices.passport.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The PC/SC daemon with vsmartcard's virtual reader, for the demo and the tests: reuses a pcscd that is already
 * running (and leaves it running), or starts {@code pcscd -f} and stops it on {@link #close()}. Fails with a
 * message that says what to install or do; it never silently skips.
 */
public final class Pcscd implements AutoCloseable {
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");

    private final Process process;
    private final Path log;

    private Pcscd(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** True when this object started pcscd (and so stops it). */
    public boolean startedHere() {
        return process != null;
    }

    /**
     * Makes sure pcscd is running with vpcd listening on {@link PassportChipEmulator#VPCD_PORT}.
     *
     * @throws IllegalStateException when pcscd or vpcd is not installed, or pcscd does not come up in time
     */
    public static Pcscd ensureRunning(Duration timeout) {
        if (!Files.exists(VPCD_DRIVER) && !Files.exists(Path.of("/etc/reader.conf.d/vpcd"))) {
            throw new IllegalStateException("vsmartcard's virtual reader is not installed (" + VPCD_DRIVER
                    + " missing): apt-get install pcscd vsmartcard-vpcd");
        }
        if (isPcscdRunning()) {
            if (!waitForVpcd(timeout)) {
                throw new IllegalStateException("pcscd is running but vpcd does not listen on port "
                        + PassportChipEmulator.VPCD_PORT + ": it was started before vsmartcard-vpcd was installed;"
                        + " restart pcscd");
            }
            return new Pcscd(null, null);
        }
        Path pcscd = Stream.of("/usr/sbin/pcscd", "/sbin/pcscd", "/usr/bin/pcscd").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("pcscd is not installed: apt-get install pcscd"));
        Process p;
        Path log;
        try {
            log = Files.createTempFile("pcscd", ".log");
            p = new ProcessBuilder(pcscd.toString(), "--foreground").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start pcscd: " + e.getMessage(), e);
        }
        Pcscd started = new Pcscd(p, log);
        if (!waitForVpcd(timeout)) {
            String output = started.logTail();
            started.close();
            throw new IllegalStateException("pcscd did not open vpcd's port " + PassportChipEmulator.VPCD_PORT
                    + " within " + timeout.toSeconds() + " s (are you root, or in a group that may run pcscd?)"
                    + (p.isAlive() ? "" : "; pcscd exited with " + p.exitValue()) + "; its output: " + output);
        }
        return started;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (log != null) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    private String logTail() {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A process named pcscd, found through /proc (no pgrep needed). */
    static boolean isPcscdRunning() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(d -> d.getFileName().toString().matches("\\d+")).anyMatch(d -> {
                try {
                    if (!Files.readString(d.resolve("comm")).strip().equals("pcscd")) {
                        return false;
                    }
                    // a zombie is not running
                    String stat = Files.readString(d.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) != 'Z';
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls /proc/net/tcp{,6} for a listener on vpcd's port, without connecting (a connection is a card). */
    static boolean waitForVpcd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String port = String.format(Locale.ROOT, ":%04X", PassportChipEmulator.VPCD_PORT);
        while (true) {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                try {
                    for (String line : Files.readAllLines(Path.of(table))) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 3 && f[1].endsWith(port) && f[3].equals("0A")) {
                            return true;
                        }
                    }
                } catch (IOException ignored) {
                    // no such table
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
