package org.onewindow.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.app.ClientShell;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.Workstation;
import org.onewindow.core.demo.DemoCitizens;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.identity.Sex;
import org.onewindow.sandbox.SandboxBackend;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The walking skeleton, driven through the real UI headless: sign in, a card placed on the simulated
 * reader, the number checked, the registry asked over HTTP, the evidence stored durably and synced to the
 * sandbox archive, whose receipt the clerk sees.
 */
@ExtendWith(ApplicationExtension.class)
class ServeCitizenEndToEndTest {
    @TempDir
    static Path data;
    SandboxBackend sandbox;
    Workstation workstation;
    ClientShell shell;

    /** Every log line written while the test runs, to prove no citizen data reaches the logs. */
    final ListAppender<ILoggingEvent> logLines = new ListAppender<>();

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("onewindow.noToasts", "true");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logLines.start();
        root.addAppender(logLines);
        Path dir = data.resolve("run-" + System.nanoTime());
        sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        ClientSettings settings = new ClientSettings(dir.resolve("client"), sandbox.baseUri(),
                Locale.SIMPLIFIED_CHINESE, "济南市民中心", "W6", "WS-E2E-W6", true);
        workstation = Workstation.start(settings, new I18n(settings.locale()));
        shell = new ClientShell(workstation, stage);
        shell.showSignIn();
        stage.show();
    }

    @AfterEach
    void stop() {
        workstation.close();
        sandbox.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logLines);
        assertThat(logLines.list).isNotEmpty();
        for (ILoggingEvent e : logLines.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            for (IdCard c : DemoCitizens.all()) {
                assertThat(line).as("log line must not hold citizen data").doesNotContain(c.idNumber())
                        .doesNotContain(c.name());
            }
            assertThat(line).doesNotContain("370102199003071239").doesNotContain("赵六");
        }
    }

    @Test
    void servesADemoCitizenFromCardToArchiveReceipt(FxRobot robot) throws Exception {
        signIn(robot);
        workstation.demoDevices().orElseThrow().present(DemoCitizens.ZHANG_WEI);

        waitFor(() -> text(robot, "#cardName").equals("张伟"));
        assertThat(text(robot, "#cardNumber")).isEqualTo("370102********1238");
        assertThat(text(robot, "#cardValidity")).isEqualTo("2016.05.12 - 2036.05.12");
        assertThat(text(robot, "#cardType")).isEqualTo("居民身份证");
        waitFor(() -> text(robot, "#verdict").startsWith("核验通过"));
        assertThat(text(robot, "#checkNumber")).contains("通过");
        assertThat(text(robot, "#checkRegistry")).contains("通过");

        waitFor(() -> text(robot, "#archiveStatus").startsWith("已存档 · 回执 ARC-"));
        assertThat(sandbox.archive().packageCount()).isEqualTo(1);

        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitFor(() -> text(robot, "#cardNumber").equals("370102199003071238"));
        robot.press(KeyCode.F8).release(KeyCode.F8);
        waitFor(() -> text(robot, "#cardNumber").equals("370102********1238"));

        robot.interact(() -> shell.clerk().finish());
        waitFor(() -> text(robot, "#cardName").isEmpty());
        assertThat(text(robot, "#archiveStatus")).isEqualTo("本次办理尚未存档");
    }

    @Test
    void anIdleDeskIsWipedOfTheCitizensData(FxRobot robot) {
        System.setProperty("onewindow.idleWipeSeconds", "2");
        try {
            signIn(robot);
            workstation.demoDevices().orElseThrow().present(DemoCitizens.LI_NA);
            waitFor(() -> text(robot, "#cardName").equals("李娜"));
            waitFor(() -> text(robot, "#cardName").isEmpty() && text(robot, "#cardNumber").isEmpty());
            assertThat(shell.clerk().cardProperty().get()).isNull();
        } finally {
            System.clearProperty("onewindow.idleWipeSeconds");
        }
    }

    @Test
    void aWrongCheckDigitIsShownAsInvalidAndStillArchived(FxRobot robot) throws Exception {
        signIn(robot);
        IdCard forged = IdCard.resident("赵六", Sex.MALE, "01", LocalDate.of(1990, 3, 7), "山东省济南市",
                "370102199003071239", "济南市公安局", LocalDate.of(2016, 5, 12), LocalDate.of(2036, 5, 12));
        workstation.demoDevices().orElseThrow().present(forged);

        waitFor(() -> text(robot, "#verdict").startsWith("核验未通过"));
        assertThat(text(robot, "#verdict")).contains("校验码错误");
        assertThat(text(robot, "#checkNumber")).contains("未通过");
        assertThat(text(robot, "#checkRegistry")).isEqualTo("未执行");
        waitFor(() -> text(robot, "#archiveStatus").startsWith("已存档"));
        JsonNode manifest = onlyManifest();
        assertThat(manifest.path("verifications").get(0).path("verdict").asText()).isEqualTo("INVALID");
    }

    @Test
    void anUnreachableBackEndArchivesLocallyAndSyncsOnceItReturns(FxRobot robot) throws Exception {
        signIn(robot);
        int port = sandbox.port();
        Path sandboxDir = sandbox.context().dataDir();
        sandbox.close();

        workstation.demoDevices().orElseThrow().present(DemoCitizens.LI_NA);
        waitFor(() -> text(robot, "#verdict").startsWith("暂无法核验"));
        waitFor(() -> text(robot, "#archiveStatus").equals("已本地存档，等待同步"));
        assertThat(text(robot, "#backendStatus")).isEqualTo("后台离线，本地工作中");
        assertThat(workstation.store().status().pending()).isEqualTo(1);

        sandbox = SandboxBackend.start(sandboxDir, port);
        workstation.sync().syncOnce();
        waitFor(() -> text(robot, "#archiveStatus").startsWith("已存档 · 回执 ARC-"));
        workstation.sync().syncOnce();
        assertThat(sandbox.archive().packageCount()).isEqualTo(1);
        assertThat(workstation.store().status().pending()).isZero();
    }

    private JsonNode onlyManifest() {
        assertThat(sandbox.archive().packageIds()).hasSize(1);
        return sandbox.archive().manifest(sandbox.archive().packageIds().get(0));
    }

    private void signIn(FxRobot robot) {
        robot.clickOn("#signIn");
        waitFor(() -> robot.lookup("#readCard").tryQuery().isPresent());
    }

    private static volatile String lastScreen = "";

    private static String text(FxRobot robot, String id) {
        String t = robot.lookup(id).queryAs(Label.class).getText();
        lastScreen = id + "='" + t + "' status='" + robot.lookup("#statusLine").queryAs(Label.class).getText() + "'";
        return t;
    }

    private static void waitFor(Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s; screen shows: " + lastScreen, e);
        }
    }
}
