package org.onewindow.client.face;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The clerk's face-check panel: the live preview, where the check stands, the score, and the clerk's
 * decision (reason, accept, reject, compare again, reconnect). Only binds to {@link FaceCheckViewModel}.
 */
public final class FaceCheckPanel extends VBox {

    public FaceCheckPanel(FaceCheckViewModel vm, String clerkAccount) {
        super(8);
        getStyleClass().add("face-check-panel");
        setPadding(new Insets(8));
        FaceTexts t = vm.texts();
        FacePreview preview = new FacePreview(vm);
        VBox.setVgrow(preview, Priority.ALWAYS);

        Label phase = new Label();
        phase.setId("facePhase");
        phase.getStyleClass().add("title-4");
        phase.textProperty().bind(vm.phaseTextProperty());
        Label score = new Label();
        score.setId("faceScore");
        score.textProperty().bind(vm.scoreTextProperty());
        Label message = new Label();
        message.setId("faceMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        TextField reason = new TextField();
        reason.setId("faceReason");
        reason.setPromptText(t.get("face.reason.prompt"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button accept = new Button(t.get("face.action.override"));
        accept.setId("faceOverride");
        accept.setOnAction(e -> {
            if (vm.override(clerkAccount, reason.getText())) {
                reason.clear();
            }
        });
        Button reject = new Button(t.get("face.action.reject"));
        reject.setId("faceReject");
        reject.setOnAction(e -> {
            if (vm.reject(clerkAccount, reason.getText())) {
                reason.clear();
            }
        });
        Button retry = new Button(t.get("face.action.retry"));
        retry.setId("faceRetry");
        retry.setOnAction(e -> vm.retry());
        Button reconnect = new Button(t.get("face.action.reconnect"));
        reconnect.setId("faceReconnect");
        reconnect.setOnAction(e -> vm.reconnectCamera());

        HBox decision = new HBox(6, reason, accept, reject, retry);
        decision.visibleProperty().bind(vm.overrideAllowedProperty());
        decision.managedProperty().bind(decision.visibleProperty());
        retry.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.phaseProperty().get() == FaceCheckViewModel.Phase.NO_MATCH
                        || vm.phaseProperty().get() == FaceCheckViewModel.Phase.COMPARE_FAILED, vm.phaseProperty()));
        retry.managedProperty().bind(retry.visibleProperty());
        reconnect.visibleProperty().bind(vm.phaseProperty().isEqualTo(FaceCheckViewModel.Phase.CAMERA_LOST));
        reconnect.managedProperty().bind(reconnect.visibleProperty());

        getChildren().addAll(preview, phase, score, message, decision, reconnect);
    }
}
