package org.onewindow.client.supervisor;

import org.onewindow.client.testing.ClerkWindowFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After sign-in, a supervisor gets the dashboard (and can switch to the clerk workspace); a clerk does not. */
@ExtendWith(ApplicationExtension.class)
class SupervisorRoutingTest {
    @TempDir
    static Path data;
    ClerkWindowFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = ClerkWindowFixture.open(stage, data, "08", "WS-ROUTING");
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    @Test
    void supervisorsSeeTheDashboardAndCanServeAtAWindowClerksGoStraightToTheirWorkspace(FxRobot robot) throws Exception {
        signIn(robot, "supervisor");
        waitFor(() -> robot.lookup("#categoryTable").tryQuery().isPresent());
        waitFor(() -> ui.shell().supervisor() != null && ui.shell().supervisor().viewModel().loadedProperty().get());
        assertThat(ui.shell().supervisor().viewModel().categories()).hasSize(4);

        robot.clickOn("#toClerk");
        waitFor(() -> robot.lookup("#readCard").tryQuery().isPresent());
        assertThat(ui.shell().supervisor()).as("the dashboard was closed").isNull();

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
