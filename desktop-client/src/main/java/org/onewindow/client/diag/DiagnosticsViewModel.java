package org.onewindow.client.diag;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.onewindow.devices.diag.DeviceDiagnostics;
import org.onewindow.devices.diag.DeviceReport;

/**
 * The diagnostics screen's state: runs the probes on the I/O executor (they block on devices for
 * seconds), then publishes the reports, the versions and a one-line summary on the UI executor.
 */
public final class DiagnosticsViewModel {
    private final Supplier<DeviceDiagnostics> diagnostics;
    private final Executor io;
    private final Executor ui;
    private final ObservableList<DeviceReport> reports = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper versions = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public DiagnosticsViewModel(Supplier<DeviceDiagnostics> diagnostics, Executor io, Executor ui) {
        this.diagnostics = diagnostics;
        this.io = io;
        this.ui = ui;
    }

    public void run() {
        if (running.get()) {
            return;
        }
        running.set(true);
        summary.set("Testing devices...");
        io.execute(() -> {
            DeviceDiagnostics.Result result;
            try {
                result = diagnostics.get().run();
            } catch (RuntimeException e) {
                String message = "Diagnostics failed: " + e;
                ui.execute(() -> {
                    summary.set(message);
                    running.set(false);
                });
                return;
            }
            DeviceDiagnostics.Result r = result;
            ui.execute(() -> publish(r));
        });
    }

    private void publish(DeviceDiagnostics.Result result) {
        reports.setAll(result.reports());
        StringBuilder v = new StringBuilder();
        for (Map.Entry<String, String> e : result.versions().entrySet()) {
            v.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        versions.set(v.toString());
        long ok = result.reports().stream().filter(r -> r.status() == DeviceReport.Status.OK).count();
        long faults = result.reports().stream().filter(r -> r.status() == DeviceReport.Status.FAULT).count();
        summary.set(ok + " working, " + faults + " faulty, " + (result.reports().size() - ok - faults) + " absent");
        running.set(false);
    }

    public ObservableList<DeviceReport> reports() {
        return reports;
    }

    public ReadOnlyStringProperty versionsProperty() {
        return versions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
