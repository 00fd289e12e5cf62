package org.onewindow.client.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.onewindow.client.app.FxUiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The wizard as a window of its own ({@code onewindow provision wizard}). */
public final class ProvisioningWizardApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWizardApp.class);
    private static volatile Path target;
    private AutoCloseable cameraWatch = () -> { };
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wizard-io");
        t.setDaemon(true);
        return t;
    });

    public static void open(Path file) {
        target = file;
        Application.launch(ProvisioningWizardApp.class);
    }

    @Override
    public void start(Stage stage) {
        java.util.Map<String, String> existing = java.util.Map.of();
        if (Files.exists(target)) {
            try {
                existing = ProvisioningLoader.read(target);
            } catch (java.io.IOException e) {
                LOG.warn("cannot read {} to prefill the wizard: {}", target, e.toString());
            }
        }
        String ffmpeg = org.onewindow.client.diag.ConfiguredDevices.ffmpeg(existing.get(ProvisioningSchema.FFMPEG));
        ProvisioningWizardViewModel vm = new ProvisioningWizardViewModel(target, ProvisioningLocation.lockedFor(target),
                io, FxUiExecutor.INSTANCE, AttachedDevices.ofThisPc(ffmpeg));
        vm.prefill(existing);
        stage.setTitle("OneWindow set-up");
        stage.setScene(new ProvisioningWizardView(vm).scene(javafx.stage.Screen.getPrimary().getVisualBounds()));
        stage.show();
        vm.findDevices();
        cameraWatch = vm.watchCameras();
    }

    @Override
    public void stop() {
        try {
            cameraWatch.close();
        } catch (Exception e) {
            LOG.debug("camera watch did not close: {}", e.toString());
        }
        io.shutdownNow();
    }
}
