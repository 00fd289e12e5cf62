package org.onewindow.client.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.client.app.FxUiExecutor;
import org.onewindow.client.app.I18n;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.queue.PriorityClass;
import org.onewindow.core.supervisor.HallAlert;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.sim.HallDaySimulator;
import org.onewindow.sandbox.sim.SimClock;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.backend.queue.HttpQueueService;
import org.onewindow.verification.backend.queue.HttpSupervisorService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard on a real (headless) stage against a real sandbox that the day simulator filled with a
 * morning: live rows, a pushed change on screen within a second, an alert past its threshold, actions
 * through the buttons, exports read back, and a back-end restart survived.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorDashboardTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    static Path data;
    final SimClock clock = new SimClock(HallDaySimulator.hallTime(DAY, LocalTime.of(9, 10)));
    final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-io");
        t.setDaemon(true);
        return t;
    });
    Path sandboxDir;
    SandboxBackend sandbox;
    HttpHallServices hall;
    HallDaySimulator sim;
    SupervisorScreen screen;
    boolean switchedToClerk;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 1280, 760);
        scene.getStylesheets().add(Objects.requireNonNull(
                getClass().getResource("/org/onewindow/client/onewindow.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** A sandbox with a simulated morning (played on the test thread), then the dashboard on the stage. */
    private SupervisorViewModel openDashboard(FxRobot robot) throws Exception {
        sandboxDir = data.resolve("run-" + System.nanoTime());
        sandbox = SandboxBackend.start(sandboxDir.resolve("sandbox"), 0, clock);
        sim = HallDaySimulator.builder(sandbox.baseUri()).clock(clock).seed(11).build();
        sim.advanceTo(HallDaySimulator.hallTime(DAY, LocalTime.of(10, 0)));
        hall = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-SUPERVISOR"));
        ClerkSession session = hall.signIn("supervisor", "demo".toCharArray());
        robot.interact(() -> screen = SupervisorScreen.open(new HttpQueueService(hall, clock, Duration.ofMillis(200)),
                new HttpSupervisorService(hall), io, FxUiExecutor.INSTANCE, new I18n(Locale.SIMPLIFIED_CHINESE), clock,
                "济南市民中心", sandboxDir.resolve("client"), session, stage.getScene()::setRoot,
                () -> switchedToClerk = true, () -> { }));
        return screen.viewModel();
    }

    @AfterEach
    void stop() {
        if (screen != null) {
            WaitForAsyncUtils.asyncFx(() -> screen.close());
            WaitForAsyncUtils.waitForFxEvents();
        }
        io.shutdownNow();
        if (hall != null) {
            hall.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void showsTheLiveHallAndAlertsWhenAWaitPassesItsThreshold(FxRobot robot) throws Exception {
        SupervisorViewModel vm = openDashboard(robot);
        waitFor(() -> !vm.staleProperty().get() && table(robot, "#windowTable").getItems().size() == 6);
        TableView<CategoryRow> categories = table(robot, "#categoryTable");
        assertThat(categories.getItems()).extracting(CategoryRow::name).containsExactly("社保", "不动产", "户籍", "综合");
        assertThat(categories.getItems().stream().mapToInt(CategoryRow::served).sum()).isEqualTo(sim.served());
        TableView<WindowRow> windows = table(robot, "#windowTable");
        assertThat(windows.getItems().get(5).statusText()).isEqualTo("离线");
        assertThat(windows.getItems()).filteredOn(w -> w.status() == WindowRow.Status.SERVING).isNotEmpty();
        assertThat(robot.lookup("#freshness").queryAs(Label.class).getText()).startsWith("实时");
        assertThat(robot.lookup("#ratingsSummary").queryAs(Label.class).getText()).contains("满意率");

        // the supervisor pauses 5号窗口 (户籍 only) from the table
        int w5 = indexOf(windows, "W5");
        robot.interact(() -> windows.getSelectionModel().select(w5));
        robot.clickOn("#pauseWindow");
        waitFor(() -> windows.getItems().get(w5).status() == WindowRow.Status.PAUSED);
        assertThat(vm.audit()).extracting(a -> a.action()).contains("WINDOW_PAUSED");

        // a pushed change shows within a second
        HttpQueueService kiosk = new HttpQueueService(new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "KIOSK")));
        int hj = waitingOf(categories, "HJ");
        long issuedAt = System.nanoTime();
        kiosk.issueTicket("HJ", PriorityClass.REGULAR);
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> waitingOf(categories, "HJ") == hj + 1);
        long shownAfterMillis = (System.nanoTime() - issuedAt) / 1_000_000;
        assertThat(shownAfterMillis).isLessThan(1000);

        // nobody serves 户籍 now: once its oldest ticket waits 5 minutes longer than now, an alert is raised and recorded
        Duration limit = Duration.ofMinutes(categories.getItems().get(2).longestWait().toMinutes() + 5);
        robot.interact(() -> vm.applySettings(vm.settingsProperty().get().with("HJ",
                new AlertThresholds(limit, Duration.ofMinutes(60), 50))));
        long before = vm.alerts().stream().filter(a -> a.kind() == HallAlert.Kind.WAIT_TIME && a.category().equals("HJ")).count();
        assertThat(before).isZero();
        clock.advance(Duration.ofMinutes(6));
        waitFor(() -> vm.alerts().stream().anyMatch(a -> a.kind() == HallAlert.Kind.WAIT_TIME
                && a.category().equals("HJ") && a.id() > 0));
        assertThat(new HttpSupervisorService(hall).alerts(DAY)).extracting(HallAlert::category).contains("HJ");
        assertThat(categories.getItems().get(2).alerting()).isTrue();

        ListView<HallAlert> alertList = robot.lookup("#alertList").queryListView();
        int i = alertList.getItems().indexOf(alertList.getItems().stream()
                .filter(a -> a.category().equals("HJ")).findFirst().orElseThrow());
        robot.interact(() -> alertList.getSelectionModel().select(i));
        robot.clickOn("#ackAlert");
        waitFor(() -> alertList.getItems().get(i).acknowledged());
        assertThat(alertList.getItems().get(i).acknowledgedBy()).isEqualTo("赵主任");

        // the day's report, both ways
        Path csv = sandboxDir.resolve("day.csv");
        Path pdf = sandboxDir.resolve("day.pdf");
        robot.interact(() -> vm.exportCsv(csv));
        waitFor(() -> vm.messageProperty().get().contains("day.csv"));
        robot.interact(() -> vm.exportPdf(pdf));
        waitFor(() -> vm.messageProperty().get().contains("day.pdf"));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("HJ,户籍,").contains("ALERT_ACKNOWLEDGED");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("大厅日报", "户籍", "已暂停", "WAIT_TIME  HJ");
        }

        screen.setWallFullScreen(false); // Monocle: full screen can hang the renderer for later tests
        robot.clickOn("#wallMode");
        waitFor(() -> screen.wallStage() != null && screen.wallStage().isShowing());
        Label wallHj = robot.lookup("#wallWaiting-HJ").queryAs(Label.class);
        assertThat(wallHj.getText()).isEqualTo(String.valueOf(waitingOf(categories, "HJ")));
        robot.interact(() -> screen.closeWall());

        robot.clickOn("#toClerk");
        assertThat(switchedToClerk).isTrue();
    }

    @Test
    void saysWhenDataIsStaleAndReconnectsAfterABackEndRestart(FxRobot robot) throws Exception {
        SupervisorViewModel vm = openDashboard(robot);
        waitFor(() -> !vm.staleProperty().get() && vm.loadedProperty().get());
        int port = sandbox.port();
        sandbox.close();
        waitFor(() -> vm.staleProperty().get());
        Label freshness = robot.lookup("#freshness").queryAs(Label.class);
        waitFor(() -> freshness.getText().startsWith("数据已过时"));

        sandbox = SandboxBackend.start(sandboxDir.resolve("sandbox"), port, clock);
        waitFor(() -> !vm.staleProperty().get() && freshness.getText().startsWith("实时"));
        int zh = waitingOf(table(robot, "#categoryTable"), "ZH");
        new HttpQueueService(new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "KIOSK")))
                .issueTicket("ZH", PriorityClass.ELDERLY);
        waitFor(() -> waitingOf(table(robot, "#categoryTable"), "ZH") == zh + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    private static int waitingOf(TableView<CategoryRow> t, String code) {
        return t.getItems().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().waiting();
    }

    private static int indexOf(TableView<WindowRow> t, String windowId) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).windowId().equals(windowId)) {
                return i;
            }
        }
        throw new AssertionError("no window " + windowId);
    }

    private static void waitFor(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
    }
}
