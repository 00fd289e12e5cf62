package org.onewindow.devices.idcard.jna;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a vendor library file is built for, read from its header before anyone tries to load it. The
 * rule: <b>the JVM and the library must match</b> (a 32-bit DLL loads only in a 32-bit JVM, a 64-bit
 * .so only in a 64-bit JVM, and the CPU families must agree). Checking first turns the loader's cryptic
 * "wrong ELF class" or "%1 is not a valid Win32 application" into a sentence IT can act on.
 */
public record NativeLibraryFile(Path path, Format format, int bits, String cpu) {

    public enum Format { ELF, PE, OTHER }

    /** Reads the ELF or PE header of {@code path}. */
    public static NativeLibraryFile inspect(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 20 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            int bits = head[4] == 1 ? 32 : head[4] == 2 ? 64 : 0;
            ByteOrder order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int machine = Short.toUnsignedInt(ByteBuffer.wrap(head, 18, 2).order(order).getShort());
            return new NativeLibraryFile(path, Format.ELF, bits, elfCpu(machine));
        }
        if (head.length >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
            int peOffset = ByteBuffer.wrap(head, 0x3C, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (peOffset > 0 && peOffset + 6 <= head.length && head[peOffset] == 'P' && head[peOffset + 1] == 'E') {
                int machine = Short.toUnsignedInt(ByteBuffer.wrap(head, peOffset + 4, 2)
                        .order(ByteOrder.LITTLE_ENDIAN).getShort());
                return switch (machine) {
                    case 0x014C -> new NativeLibraryFile(path, Format.PE, 32, "x86");
                    case 0x8664 -> new NativeLibraryFile(path, Format.PE, 64, "x86-64");
                    case 0xAA64 -> new NativeLibraryFile(path, Format.PE, 64, "aarch64");
                    default -> new NativeLibraryFile(path, Format.PE, 0, String.format("machine %04X", machine));
                };
            }
        }
        return new NativeLibraryFile(path, Format.OTHER, 0, "unknown");
    }

    /** Null when this JVM can load the library, else the reason in plain words. */
    public String mismatchWithThisJvm() {
        return mismatchWith(jvmBits(), jvmCpu());
    }

    String mismatchWith(int jvmBits, String jvmCpu) {
        if (format == Format.OTHER) {
            return path + " is not a shared library (no ELF or PE header)";
        }
        if (bits != 0 && bits != jvmBits) {
            return path + " is a " + bits + "-bit library but this Java runtime is " + jvmBits + "-bit: the JVM and "
                    + "the library must match. Install the " + jvmBits + "-bit edition of the vendor library, or run "
                    + "the client on a " + bits + "-bit Java runtime.";
        }
        if (!cpu.equals(jvmCpu) && !cpu.startsWith("machine") && !cpu.equals("unknown")) {
            return path + " is built for " + cpu + " but this Java runtime runs on " + jvmCpu
                    + ": install the vendor library built for " + jvmCpu + ".";
        }
        return null;
    }

    public static int jvmBits() {
        String model = System.getProperty("sun.arch.data.model", "");
        if (model.equals("32") || model.equals("64")) {
            return Integer.parseInt(model);
        }
        return jvmCpu().contains("64") ? 64 : 32;
    }

    public static String jvmCpu() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86-64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            case "aarch64", "arm64" -> "aarch64";
            case "arm", "armv7l" -> "arm";
            default -> arch;
        };
    }

    private static String elfCpu(int machine) {
        return switch (machine) {
            case 3 -> "x86";
            case 62 -> "x86-64";
            case 183 -> "aarch64";
            case 40 -> "arm";
            default -> "machine " + machine;
        };
    }
}
