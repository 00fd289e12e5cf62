package org.onewindow.client.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.app.ClientSettings;
import org.onewindow.client.app.ClientShell;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.Workstation;
import org.onewindow.sandbox.SandboxBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After sign-in, a supervisor gets the dashboard (and can switch to the clerk workspace); a clerk does not. */
@ExtendWith(ApplicationExtension.class)
class SupervisorRoutingTest {
    @TempDir
    static Path data;
    SandboxBackend sandbox;
    Workstation workstation;
    ClientShell shell;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("onewindow.noToasts", "true");
        Path dir = data.resolve("run-" + System.nanoTime());
        sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0);
        ClientSettings settings = new ClientSettings(dir.resolve("client"), sandbox.baseUri(),
                Locale.SIMPLIFIED_CHINESE, "济南市民中心", "08", "WS-ROUTING", true);
        workstation = Workstation.start(settings, new I18n(settings.locale()));
        shell = new ClientShell(workstation, stage);
        shell.showSignIn();
        stage.show();
    }

    @AfterEach
    void stop() {
        workstation.close();
        sandbox.close();
    }

    @Test
    void supervisorsSeeTheDashboardAndCanServeAtAWindowClerksGoStraightToTheirWorkspace(FxRobot robot) throws Exception {
        signIn(robot, "supervisor");
        waitFor(() -> robot.lookup("#categoryTable").tryQuery().isPresent());
        waitFor(() -> shell.supervisor() != null && shell.supervisor().viewModel().loadedProperty().get());
        assertThat(shell.supervisor().viewModel().categories()).hasSize(4);

        robot.clickOn("#toClerk");
        waitFor(() -> robot.lookup("#readCard").tryQuery().isPresent());
        assertThat(shell.supervisor()).as("the dashboard was closed").isNull();

        robot.clickOn("#signOut");
        signIn(robot, "demo");
        waitFor(() -> robot.lookup("#readCard").tryQuery().isPresent());
        assertThat(robot.lookup("#categoryTable").tryQuery()).isEmpty();
    }

    private void signIn(FxRobot robot, String account) throws Exception {
        waitFor(() -> robot.lookup("#account").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#account").queryAs(TextField.class).setText(account));
        robot.clickOn("#signIn");
    }

    private static void waitFor(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
    }
}
