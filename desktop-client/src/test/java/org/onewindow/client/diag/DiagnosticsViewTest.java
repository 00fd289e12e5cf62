package org.onewindow.client.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceProbe;
import org.onewindow.devices.diag.DeviceReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The diagnostics screen headless: one click tests the devices and shows a row per device and the versions. */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsViewTest {
    @Start
    void start(Stage stage) {
        DeviceProbe serial = new DeviceProbe() {
            @Override
            public String kind() {
                return "serial";
            }

            @Override
            public List<DeviceReport> probe() {
                return List.of(DeviceReport.ok("serial", "/dev/ttyUSB0", "opened and closed", Map.of()),
                        DeviceReport.fault("serial", "/dev/ttyUSB1", "cannot open"));
            }
        };
        DiagnosticsViewModel vm = new DiagnosticsViewModel(
                () -> new DeviceDiagnostics(List.of(serial), Duration.ofSeconds(5)), Runnable::run, Runnable::run);
        stage.setScene(new Scene(new DiagnosticsView(vm).root(), 900, 400));
        stage.show();
    }

    @Test
    void testingShowsEveryDeviceAndTheVersions(FxRobot robot) {
        robot.clickOn("#run");

        assertThat(robot.lookup("#devices").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).isEqualTo("1 working, 1 faulty, 0 absent");
        assertThat(robot.lookup("#versions").queryAs(TextArea.class).getText()).contains("jSerialComm: ");
    }
}
