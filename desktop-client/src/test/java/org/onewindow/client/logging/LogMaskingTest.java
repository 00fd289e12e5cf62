package org.onewindow.client.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogMaskingTest {
    @TempDir
    Path dir;

    @Test
    void masksEighteenCharacterIdNumbersIncludingTheXCheckCharacter() {
        assertThat(LogMasking.mask("read 370102199003071234 ok; next 11010519491231002X."))
                .isEqualTo("read 370102********1234 ok; next 110105********002X.");
    }

    @Test
    void leavesLongerNumbersTimestampsAndHashesAlone() {
        String line = "seq 3701021990030712345 at 2026-11-29T20:41:00Z sha256 ab370102199003071234cd";
        assertThat(LogMasking.mask(line)).isEqualTo(line);
    }

    @Test
    void theShippedLogbackConfigurationMasksMessagesAndStackTracesAndReadsTheLevelsFile() throws Exception {
        LogSetup.writeLevels(dir, "WARN", List.of("org.onewindow.devices=DEBUG"));
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        ctx.putProperty("onewindow.logDir", dir.toString());
        System.setProperty(LogSetup.LOG_DIR_PROPERTY, dir.toString());
        try {
            JoranConfigurator jc = new JoranConfigurator();
            jc.setContext(ctx);
            jc.doConfigure(getClass().getResource("/logback.xml"));

            assertThat(ctx.getLogger("root").getLevel()).isEqualTo(Level.WARN);
            // the levels file is on Logback's watch list: editing it re-configures a running client
            assertThat(ch.qos.logback.core.joran.util.ConfigurationWatchListUtil.getConfigurationWatchList(ctx)
                    .getCopyOfFileWatchList()).extracting(java.io.File::getName).contains(LogSetup.LEVELS_FILE);
            assertThat(ctx.getLogger("org.onewindow.devices").getLevel()).isEqualTo(Level.DEBUG);
            ctx.getLogger("test").warn("card 370102199003071234 failed",
                    new IllegalStateException("back-end said: unknown 11010519491231002X"));
        } finally {
            ctx.stop();
            System.clearProperty(LogSetup.LOG_DIR_PROPERTY);
        }
        String log = Files.readString(dir.resolve("onewindow.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("card 370102********1234 failed").contains("unknown 110105********002X")
                .doesNotContain("370102199003071234").doesNotContain("11010519491231002X");
    }

    @Test
    void refusesALevelThatDoesNotExist() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogSetup.writeLevels(dir, "VERBOSE", List.of()))
                .hasMessageContaining("'VERBOSE' is not a log level");
    }
}
