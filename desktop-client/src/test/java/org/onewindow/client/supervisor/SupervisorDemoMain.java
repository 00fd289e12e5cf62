package org.onewindow.client.supervisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.onewindow.client.app.FxUiExecutor;
import org.onewindow.client.app.I18n;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.sandbox.SandboxBackend;
import org.onewindow.sandbox.sim.HallDaySimulator;
import org.onewindow.sandbox.sim.SimClock;
import org.onewindow.verification.backend.BackendConfig;
import org.onewindow.verification.backend.HttpHallServices;
import org.onewindow.verification.backend.queue.HttpQueueService;
import org.onewindow.verification.backend.queue.HttpSupervisorService;

/**
 * For screenshots (docs/screenshots): a sandbox with a simulated morning up to 10:40, then the dashboard in
 * a 1600x900 window. Argument {@code charts} opens the charts tab, {@code wall} the wall display. Prints
 * READY when the figures are on screen. Run under Xvfb (see docs/supervisor.md).
 */
public final class SupervisorDemoMain {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private SupervisorDemoMain() {
    }

    /** Not the main class itself: the Java launcher would demand JavaFX on the module path (decision 0004). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            SupervisorDemoMain.start(getParameters().getRaw(), stage);
        }
    }

    static void start(java.util.List<String> args, Stage stage) throws Exception {
        String mode = args.isEmpty() ? "overview" : args.get(0);
        Path dir = Files.createTempDirectory("supervisor-demo");
        SimClock clock = new SimClock(HallDaySimulator.hallTime(DAY, LocalTime.of(8, 30)));
        SandboxBackend sandbox = SandboxBackend.start(dir.resolve("sandbox"), 0, clock);
        HallDaySimulator sim = HallDaySimulator.builder(sandbox.baseUri()).clock(clock).seed(21).build();
        sim.advanceTo(HallDaySimulator.hallTime(DAY, LocalTime.of(10, 40)));
        HttpHallServices hall = new HttpHallServices(BackendConfig.of(sandbox.baseUri(), "WS-DEMO"));
        ClerkSession session = hall.signIn("supervisor", "demo".toCharArray());
        new HttpSupervisorService(hall).pauseWindow("W4");
        Scene scene = new Scene(new StackPane(), 1600, 900);
        scene.getStylesheets().add(Objects.requireNonNull(
                SupervisorDemoMain.class.getResource("/org/onewindow/client/onewindow.css")).toExternalForm());
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("OneWindow supervisor");
        SupervisorScreen screen = SupervisorScreen.open(new HttpQueueService(hall), new HttpSupervisorService(hall),
                Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "demo-io");
                    t.setDaemon(true);
                    return t;
                }), FxUiExecutor.INSTANCE, new I18n(Locale.SIMPLIFIED_CHINESE), clock, "济南市民中心",
                dir.resolve("client"), session, scene::setRoot, () -> { }, Platform::exit);
        stage.show();
        screen.viewModel().loadedProperty().addListener((obs, was, loaded) -> {
            if (!loaded) {
                return;
            }
            clock.advance(Duration.ofSeconds(5));
            if (mode.equals("charts")) {
                ((TabPane) scene.lookup("#supervisorTabs")).getSelectionModel().select(1);
            } else if (mode.equals("wall")) {
                screen.openWall();
            }
            Thread ready = new Thread(() -> {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    return;
                }
                String shot = System.getProperty("shot");
                if (shot != null) {
                    // the scene as JavaFX drew it, as a cross-check of the X screenshot
                    Platform.runLater(() -> {
                        javafx.scene.Scene target = mode.equals("wall") && screen.wallStage() != null
                                ? screen.wallStage().getScene() : scene;
                        var image = javafx.embed.swing.SwingFXUtils.fromFXImage(target.snapshot(null), null);
                        try {
                            javax.imageio.ImageIO.write(image, "png", new java.io.File(shot));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        System.out.println("READY");
                    });
                } else {
                    System.out.println("READY");
                }
            });
            ready.setDaemon(true);
            ready.start();
        });
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
