package org.onewindow.client.provisioning;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
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
            TextInputControl input = vm.isSecret(key) ? new PasswordField() : new TextField();
            input.setId("field-" + key.replace('.', '-'));
            input.setPromptText(vm.description(key));
            input.setPrefWidth(420);
            input.textProperty().bindBidirectional(vm.field(key));
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
        root = new VBox(12, title, grid, save, status, problems);
        root.setPadding(new Insets(16));
    }

    public Parent root() {
        return root;
    }
}
