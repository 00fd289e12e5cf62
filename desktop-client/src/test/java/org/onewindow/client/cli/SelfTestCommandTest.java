package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onewindow self-test} in-process, headless: the exit code and one line per check. */
class SelfTestCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = OneWindowCommand.commandLine().execute(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void passesOnAProvisionedEmbeddedWorkstationAndSaysWhatItChecked() throws Exception {
        Path file = Files.writeString(dir.resolve("ws.properties"),
                "hall.name=济南市民中心\nhall.window=08\nworkstation.id=WS-ST-08\nbackend.url=embedded\ndemo=true\n",
                StandardCharsets.UTF_8);

        Run r = run("self-test", "--provisioning", file.toString(), "--data", dir.resolve("data").toString());

        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("PASS settings: provisioning file " + file)
                .contains("PASS evidence store: ").contains("integrity ok")
                .contains("PASS back-end: embedded sandbox")
                .contains("PASS device id-reader").contains("test card read")
                .contains("self-test passed");
    }

    @Test
    void aBrokenProvisioningFileFailsWithItsMistakes() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.properties"), "hall.name=济南市民中心\nbackend.url=ftp://x\n",
                StandardCharsets.UTF_8);

        Run r = run("self-test", "--provisioning", file.toString(), "--data", dir.resolve("data").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL settings: ").contains("hall.window: is missing")
                .contains("backend.url: 'ftp://x' is not an http(s) URL").contains("self-test FAILED: 1 of 1");
    }

    @Test
    void anUnwritableDataFolderFailsWithTheFix() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");

        Run r = run("self-test", "--data", notAFolder.resolve("data").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL data folder: " + notAFolder.resolve("data") + " is not writable")
                .contains("group onewindow");
    }
}
