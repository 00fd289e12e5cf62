package org.onewindow.client.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started by {@link org.onewindow.client.Launcher}, never as the main class (a
 * main class extending Application would start the toolkit before headless sub-commands could run).
 */
public final class OneWindowApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(OneWindowApp.class);
    private static volatile ClientSettings settings;

    private Workstation workstation;

    private static volatile java.util.Optional<org.onewindow.client.provisioning.Provisioning> provisioning =
            java.util.Optional.empty();

    public static void launch(ClientSettings s) {
        settings = s;
        Application.launch(OneWindowApp.class);
    }

    /** A provisioned workstation: its settings and its devices. */
    public static void launch(org.onewindow.client.provisioning.Provisioning p) {
        provisioning = java.util.Optional.of(p);
        launch(p.clientSettings());
    }

    @Override
    public void start(Stage stage) {
        I18n i18n = new I18n(settings.locale());
        ErrorHandler errors = new ErrorHandler(i18n);
        errors.install();
        errors.setOwner(stage);
        // starting the back-end connection, the store and the devices is I/O: keep it off the FX thread
        VBox splash = new VBox(16, new ProgressIndicator(), new Label(i18n.get("app.title")));
        splash.setAlignment(Pos.CENTER);
        stage.setScene(new Scene(splash, 480, 280));
        stage.setTitle(i18n.get("app.title"));
        stage.show();
        Thread starter = new Thread(() -> {
            try {
                Workstation ws = Workstation.start(settings, i18n, provisioning);
                Platform.runLater(() -> {
                    workstation = ws;
                    ClientShell shell = new ClientShell(ws, stage);
                    shell.showSignIn();
                    stage.centerOnScreen();
                });
            } catch (Exception e) {
                LOG.error("workstation failed to start", e);
                Platform.runLater(() -> errors.uncaughtException(Thread.currentThread(), e));
            }
        }, "workstation-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void stop() {
        if (workstation != null) {
            workstation.close();
        }
    }
}
