package org.onewindow.client.diag;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.onewindow.client.app.FxUiExecutor;
import org.onewindow.devices.diag.DeviceDiagnostics;

/** The diagnostics screen in a window of its own ({@code onewindow diag --window}). */
public final class DiagnosticsApp extends Application {
    private static volatile Supplier<DeviceDiagnostics> diagnostics;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "diagnostics-io");
        t.setDaemon(true);
        return t;
    });

    public static void open(Supplier<DeviceDiagnostics> d) {
        diagnostics = d;
        Application.launch(DiagnosticsApp.class);
    }

    @Override
    public void start(Stage stage) {
        DiagnosticsViewModel vm = new DiagnosticsViewModel(diagnostics, io, FxUiExecutor.INSTANCE);
        stage.setTitle("OneWindow device diagnostics");
        stage.setScene(new Scene(new DiagnosticsView(vm).root(), 1040, 560));
        stage.show();
        vm.run();
    }

    @Override
    public void stop() {
        io.shutdownNow();
    }
}
