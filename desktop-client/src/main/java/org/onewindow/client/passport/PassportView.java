package org.onewindow.client.passport;

import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.onewindow.client.app.I18n;

/** The passport window: MRZ line, Read (Enter), the chip's data and face, the authenticity line. Binds only. */
public final class PassportView extends VBox {

    /**
     * @param onFaceCheck opens the person-ID check against the chip's face (F10 or the button), or null for none
     */
    public PassportView(PassportViewModel vm, I18n i18n, String demoHint,
                        java.util.function.Consumer<org.onewindow.core.device.PassportData> onFaceCheck) {
        setSpacing(10);
        setPadding(new Insets(14));
        TextField mrz = new TextField();
        mrz.setId("passportMrz");
        mrz.setPromptText(i18n.get("passport.mrzPrompt"));
        mrz.setStyle("-fx-font-family: monospace;");
        mrz.setPrefColumnCount(44);
        mrz.textProperty().bindBidirectional(vm.mrzLineProperty());
        mrz.setOnAction(e -> vm.read());
        Button read = new Button(i18n.get("passport.readButton"));
        read.setId("passportRead");
        read.setDefaultButton(true);
        read.disableProperty().bind(vm.busyProperty());
        read.setOnAction(e -> vm.read());
        read.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox input = new HBox(8, mrz, read);
        HBox.setHgrow(mrz, javafx.scene.layout.Priority.ALWAYS);

        Label status = new Label();
        status.setId("passportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        GridPane fields = new GridPane();
        fields.setHgap(12);
        fields.setVgap(6);
        row(fields, 0, i18n.get("passport.name"), "passportName", vm.nameProperty());
        row(fields, 1, i18n.get("passport.number"), "passportNumber", vm.numberProperty());
        row(fields, 2, i18n.get("passport.nationality"), "passportNationality", vm.nationalityProperty());
        row(fields, 3, i18n.get("passport.birth"), "passportBirth", vm.birthProperty());
        row(fields, 4, i18n.get("passport.expiry"), "passportExpiry", vm.expiryProperty());
        row(fields, 5, i18n.get("passport.authenticity"), "passportAuthenticity", vm.authenticityProperty());

        ImageView face = new ImageView();
        face.setId("passportFace");
        face.setFitWidth(120);
        face.setFitHeight(150);
        face.setPreserveRatio(true);
        face.imageProperty().bind(Bindings.createObjectBinding(() -> {
            byte[] jpeg = vm.faceProperty().get();
            return jpeg == null ? null : new Image(new ByteArrayInputStream(jpeg));
        }, vm.faceProperty()));
        HBox result = new HBox(16, face, fields);

        getChildren().addAll(input, status, result);
        if (onFaceCheck != null) {
            Button faceCheck = new Button(i18n.get("clerk.faceCheck"));
            faceCheck.setId("passportFaceCheck");
            faceCheck.disableProperty().bind(vm.dataProperty().isNull());
            faceCheck.setOnAction(e -> onFaceCheck.accept(vm.dataProperty().get()));
            getChildren().add(faceCheck);
            addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.F10 && vm.dataProperty().get() != null) {
                    onFaceCheck.accept(vm.dataProperty().get());
                    e.consume();
                }
            });
        }
        if (demoHint != null) {
            Label hint = new Label(demoHint);
            hint.setId("passportDemoHint");
            hint.getStyleClass().add("text-muted");
            getChildren().add(hint);
        }
    }

    private static void row(GridPane grid, int row, String caption, String id,
                            javafx.beans.value.ObservableStringValue value) {
        Label label = new Label(caption);
        Label text = new Label();
        text.setId(id);
        text.textProperty().bind(value);
        grid.addRow(row, label, text);
    }
}
