package org.onewindow.client.provisioning;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first-run wizard for IT: one labelled field per key, the mistakes list, Save. Binds only. */
public final class ProvisioningWizardView {
    private final VBox root;

    public ProvisioningWizardView(ProvisioningWizardViewModel vm) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        for (String key : ProvisioningWizardViewModel.WIZARD_KEYS) {
            Label label = new Label(key);
            label.setTooltip(new Tooltip(vm.description(key)));
            javafx.scene.control.Control input;
            if (!vm.choices(key).isEmpty()) {
                // a drop-down of what is plugged in or usual, still editable for anything else
                ComboBox<String> box = new ComboBox<>(vm.choices(key));
                box.setEditable(true);
                box.valueProperty().bindBidirectional(vm.field(key));
                box.setPromptText(vm.description(key));
                input = box;
            } else {
                TextInputControl text = vm.isSecret(key) ? new PasswordField() : new TextField();
                text.setPromptText(vm.description(key));
                text.textProperty().bindBidirectional(vm.field(key));
                input = text;
            }
            input.setId("field-" + key.replace('.', '-'));
            input.setPrefWidth(420);
            input.setTooltip(new Tooltip(vm.description(key)));
            input.disableProperty().bind(vm.lockedProperty());
            grid.addRow(row++, label, input);
        }
        ListView<ProvisioningProblem> problems = new ListView<>(vm.problems());
        problems.setId("problems");
        problems.setPrefHeight(120);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        Button save = new Button("Check and save");
        save.setId("save");
        save.setDefaultButton(true);
        save.disableProperty().bind(Bindings.or(vm.busyProperty(), vm.lockedProperty()));
        save.setOnAction(e -> vm.validateAndSave());
        Label title = new Label("OneWindow workstation set-up → " + vm.target());
        title.getStyleClass().add("title-3");
        Button find = new Button("Find devices");
        find.setId("findDevices");
        find.setOnAction(e -> vm.findDevices());
        find.disableProperty().bind(vm.lockedProperty());
        Label found = new Label();
        found.setId("devicesStatus");
        found.textProperty().bind(vm.devicesStatusProperty());
        HBox devices = new HBox(12, find, found);
        devices.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // the fields scroll on a small screen; Save, the status and the mistakes stay in view
        javafx.scene.control.ScrollPane fields = new javafx.scene.control.ScrollPane(grid);
        fields.setFitToWidth(true);
        fields.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(fields, javafx.scene.layout.Priority.ALWAYS);
        root = new VBox(12, title, devices, fields, save, status, problems);
        root.setPadding(new Insets(16));
    }

    /** A scene that shows every field on a common screen (on a smaller one the fields scroll). */
    public javafx.scene.Scene scene(javafx.geometry.Rectangle2D screen) {
        return new javafx.scene.Scene(root, Math.min(760, screen.getWidth()), Math.min(800, screen.getHeight() - 40));
    }

    public Parent root() {
        return root;
    }
}
