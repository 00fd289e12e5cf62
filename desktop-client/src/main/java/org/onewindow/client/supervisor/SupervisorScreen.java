package org.onewindow.client.supervisor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.onewindow.client.app.I18n;
import org.onewindow.client.app.Workstation;
import org.onewindow.core.backend.ClerkSession;
import org.onewindow.core.queue.QueueService;
import org.onewindow.core.supervisor.SupervisorService;
import org.onewindow.verification.backend.queue.HttpQueueService;
import org.onewindow.verification.backend.queue.HttpSupervisorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the supervisor dashboard on screen for a signed-in supervisor: wires the view model to the
 * workstation's back-end (the same connection, carrying the supervisor's token), and owns the wall display
 * window. Alert thresholds live in {@code <data>/supervisor/alert-settings.properties}.
 */
public final class SupervisorScreen implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorScreen.class);

    private final SupervisorViewModel vm;
    private final SupervisorView view;
    private final I18n i18n;
    private Stage wall;
    private boolean wallFullScreen = true;

    private SupervisorScreen(SupervisorViewModel vm, I18n i18n, ClerkSession session, Runnable toClerk, Runnable signOut) {
        this.vm = vm;
        this.i18n = i18n;
        this.view = new SupervisorView(vm, i18n, session.displayName(), toClerk, this::openWall, signOut);
    }

    /**
     * Builds the dashboard over {@code workstation}'s back-end, starts it live and hands its root to
     * {@code show}. Call on the FX thread after sign-in.
     *
     * @param toClerk switches to the clerk workspace (null hides the button)
     */
    public static SupervisorScreen open(Workstation workstation, ClerkSession session, Consumer<Parent> show,
                                        Runnable toClerk, Runnable signOut, Executor ui) {
        QueueService queue = new HttpQueueService(workstation.backend());
        SupervisorService supervisor = new HttpSupervisorService(workstation.backend());
        return open(queue, supervisor, workstation.io(), ui, workstation.i18n(), workstation.clock(),
                workstation.settings().hall(), workstation.settings().dataDir(), session, show, toClerk, signOut);
    }

    /** The same over any services (tests pass a sandbox-backed pair with a simulated clock). */
    public static SupervisorScreen open(QueueService queue, SupervisorService supervisor, Executor io, Executor ui,
                                        I18n i18n, Clock clock, String hall, Path dataDir, ClerkSession session,
                                        Consumer<Parent> show, Runnable toClerk, Runnable signOut) {
        Path settingsFile = dataDir.resolve("supervisor").resolve("alert-settings.properties");
        SupervisorViewModel vm = new SupervisorViewModel(queue, supervisor, io, ui, i18n, clock, hall,
                AlertSettings.standard(), s -> {
            try {
                s.save(settingsFile);
            } catch (java.io.IOException e) {
                LOG.warn("alert settings not saved: {}", e.getMessage());
            }
        }, new AlertSound());
        SupervisorScreen screen = new SupervisorScreen(vm, i18n, session, toClerk, signOut);
        show.accept(screen.view);
        vm.loadSettings(() -> AlertSettings.load(settingsFile)); // disk: off the FX thread
        vm.start();
        return screen;
    }

    public SupervisorViewModel viewModel() {
        return vm;
    }

    public SupervisorView view() {
        return view;
    }

    /** Opens the wall display full screen (Esc or closing the window returns). */
    public void openWall() {
        if (wall != null) {
            wall.toFront();
            return;
        }
        wall = new Stage();
        wall.setTitle(i18n.get("supervisor.wall"));
        javafx.geometry.Rectangle2D screenBounds = javafx.stage.Screen.getPrimary().getBounds();
        Scene scene = new Scene(new WallDisplayView(vm, i18n), screenBounds.getWidth(), screenBounds.getHeight());
        if (view.getScene() != null) {
            scene.getStylesheets().setAll(view.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeWall();
            }
        });
        wall.setScene(scene);
        wall.setOnHidden(e -> wall = null);
        wall.setFullScreenExitHint(i18n.get("supervisor.wall.exit"));
        wall.setFullScreen(wallFullScreen);
        wall.show();
    }

    /**
     * Whether the wall display takes the whole screen (default). Headless test platforms (Monocle) have no
     * window manager to leave full screen with, so UI tests open it as a plain window.
     */
    public void setWallFullScreen(boolean on) {
        this.wallFullScreen = on;
    }

    public Stage wallStage() {
        return wall;
    }

    public void closeWall() {
        if (wall != null) {
            Stage w = wall;
            wall = null;
            w.close();
        }
    }

    @Override
    public void close() {
        closeWall();
        view.dispose();
        vm.close();
    }
}
