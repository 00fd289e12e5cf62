package org.onewindow.devices.idcard.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.devices.idcard.testing.NativeFakes;

class NativeLibraryFileTest {
    @TempDir
    Path dir;

    @Test
    void readsBitnessAndCpuOfRealSharedLibraries() throws Exception {
        NativeLibraryFile lib64 = NativeLibraryFile.inspect(NativeFakes.build("fake_wlt", "wlt"));
        assertThat(lib64.format()).isEqualTo(NativeLibraryFile.Format.ELF);
        assertThat(lib64.bits()).isEqualTo(64);
        assertThat(lib64.cpu()).isEqualTo("x86-64");
        assertThat(lib64.mismatchWithThisJvm()).isNull();

        NativeLibraryFile lib32 = NativeLibraryFile.inspect(NativeFakes.build32("legacy_reader"));
        assertThat(lib32.bits()).isEqualTo(32);
        assertThat(lib32.cpu()).isEqualTo("x86");
        assertThat(lib32.mismatchWithThisJvm()).contains("32-bit library", "64-bit", "must match");
    }

    @Test
    void explainsA64BitLibraryInA32BitJvm() throws Exception {
        NativeLibraryFile lib64 = NativeLibraryFile.inspect(NativeFakes.build("fake_wlt", "wlt"));
        assertThat(lib64.mismatchWith(32, "x86")).contains("64-bit library", "32-bit", "must match");
        assertThat(lib64.mismatchWith(64, "aarch64")).contains("built for x86-64", "aarch64");
    }

    @Test
    void readsTheMachineOfAWindowsDll() throws Exception {
        byte[] dll = new byte[512];
        dll[0] = 'M';
        dll[1] = 'Z';
        ByteBuffer.wrap(dll).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x80).putShort(0x84, (short) 0x014C);
        dll[0x80] = 'P';
        dll[0x81] = 'E';
        Path file = Files.write(dir.resolve("termb.dll"), dll);
        NativeLibraryFile info = NativeLibraryFile.inspect(file);
        assertThat(info.format()).isEqualTo(NativeLibraryFile.Format.PE);
        assertThat(info.bits()).isEqualTo(32);
        assertThat(info.mismatchWith(64, "x86-64")).contains("32-bit");
    }

    @Test
    void rejectsAFileThatIsNoLibrary() throws Exception {
        Path file = Files.writeString(dir.resolve("libwlt.so"), "not a library");
        assertThat(NativeLibraryFile.inspect(file).mismatchWithThisJvm()).contains("not a shared library");
    }
}
