package org.onewindow.devices.idcard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles the fake vendor libraries in src/test/resources/native into target/native with gcc, so the JNA
 * bindings are tested against real shared libraries with the vendors' C signatures. gcc is required (CI
 * installs it): without it the test fails and says how to install it.
 */
public final class NativeFakes {
    private static final Path OUT = Paths.get("target", "native");
    /** Built once per test run: gcc is the slow part. */
    private static final java.util.Map<String, Path> BUILT = new java.util.HashMap<>();

    private NativeFakes() {
    }

    /** Builds {@code name}.c into {@code target/native/<subdir>/lib<name>.so} and returns its path. */
    public static synchronized Path build(String name, String subdir) throws IOException, InterruptedException {
        Path cached = BUILT.get(subdir + "/" + name);
        if (cached != null) {
            return cached;
        }
        Path dir = OUT.resolve(subdir).toAbsolutePath();
        Files.createDirectories(dir);
        Path source = dir.resolve(name + ".c");
        try (InputStream in = NativeFakes.class.getResourceAsStream("/native/" + name + ".c")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource native/" + name + ".c");
            }
            Files.write(source, in.readAllBytes());
        }
        Path library = dir.resolve("lib" + name + ".so");
        run(List.of("gcc", "-shared", "-fPIC", "-O1", "-o", library.toString(), source.toString()));
        BUILT.put(subdir + "/" + name, library);
        return library;
    }

    /** A genuine 32-bit x86 shared library: gcc -m32 compiles, ld links (no 32-bit C runtime needed). */
    public static synchronized Path build32(String name) throws IOException, InterruptedException {
        Path dir = OUT.resolve("x86-32").toAbsolutePath();
        Files.createDirectories(dir);
        Path source = dir.resolve(name + ".c");
        Files.writeString(source, "int " + name + "(void) { return 1; }\n");
        Path object = dir.resolve(name + ".o");
        Path library = dir.resolve("lib" + name + ".so");
        run(List.of("gcc", "-m32", "-fPIC", "-c", "-o", object.toString(), source.toString()));
        run(List.of("ld", "-m", "elf_i386", "-shared", "-o", library.toString(), object.toString()));
        return library;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is required to build the fake vendor libraries for the "
                    + "JNA tests and was not found: install it (Debian/Ubuntu: apt-get install -y gcc binutils)", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
