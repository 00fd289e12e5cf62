package org.onewindow.client.diag;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.onewindow.devices.diag.DeviceReport;

/** The diagnostics screen: one row per device with its status and detail, the versions below. Binds only. */
public final class DiagnosticsView {
    private final VBox root;

    public DiagnosticsView(DiagnosticsViewModel vm) {
        TableView<DeviceReport> table = new TableView<>(vm.reports());
        table.setId("devices");
        table.getColumns().add(column("Status", r -> r.status().name(), 80));
        table.getColumns().add(column("Kind", DeviceReport::kind, 90));
        table.getColumns().add(column("Device", DeviceReport::name, 200));
        table.getColumns().add(column("Result", DeviceReport::detail, 360));
        table.getColumns().add(column("Details", r -> r.facts().toString(), 260));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button run = new Button("Test devices");
        run.setId("run");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Label summary = new Label();
        summary.setId("summary");
        summary.textProperty().bind(vm.summaryProperty());
        TextArea versions = new TextArea();
        versions.setId("versions");
        versions.setEditable(false);
        versions.setPrefRowCount(5);
        versions.textProperty().bind(vm.versionsProperty());
        root = new VBox(10, new HBox(12, run, summary), table, new Label("Versions"), versions);
        root.setPadding(new Insets(16));
    }

    private static TableColumn<DeviceReport, String> column(String title,
                                                            java.util.function.Function<DeviceReport, String> value,
                                                            double width) {
        TableColumn<DeviceReport, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Parent root() {
        return root;
    }
}
