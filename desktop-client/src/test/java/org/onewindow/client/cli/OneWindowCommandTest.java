package org.onewindow.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The installed application and ./onewindow offer the same tools: they all hang off one root command. */
class OneWindowCommandTest {
    @Test
    void registersEveryTool() {
        assertThat(OneWindowCommand.commandLine().getSubcommands().keySet())
                .contains("sandbox", "read-card", "read-passport", "scan", "verify", "archive", "self-test", "provision", "support-bundle",
                        "log-level", "diag", "update-check");
    }

    @Test
    void helpListsTheToolsWithoutStartingTheUi() {
        CommandLine cli = OneWindowCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("read-card").contains("verify").contains("sandbox");
    }
}
