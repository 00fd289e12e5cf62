package org.onewindow.client.clerk;

import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.onewindow.client.app.I18n;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;

/** The clerk's identity workspace. Only binds to {@link ClerkViewModel}; holds no state of its own. */
public final class ClerkView extends BorderPane {

    /**
     * @param casePanel    the service case panel shown beside the identity (null: identity only)
     * @param finishAction F12 / the finish button: ends the case and wipes the desk
     */
    public ClerkView(ClerkViewModel vm, I18n i18n, String clerkName, String hallWindow, Runnable signOut,
                     DemoDevices demo, javafx.scene.Node queuePanel, javafx.scene.Node casePanel,
                     Runnable finishAction, Runnable diagnostics, javafx.scene.Node scanIndicator) {
        getStyleClass().add("clerk-view");
        HBox top = topBar(vm, i18n, clerkName, hallWindow, signOut, diagnostics);
        if (scanIndicator != null) {
            top.getChildren().add(3, scanIndicator);
        }
        setTop(top);
        VBox identity = new VBox(16, cardPanel(vm, i18n), verifyPanel(vm, i18n));
        HBox center = new HBox(16, identity);
        if (queuePanel != null) {
            center.getChildren().add(0, queuePanel);
        }
        if (casePanel != null) {
            center.getChildren().add(casePanel);
            HBox.setHgrow(casePanel, Priority.ALWAYS);
        } else {
            HBox.setHgrow(identity, Priority.ALWAYS);
        }
        center.setPadding(new Insets(16, 20, 8, 20));
        setCenter(center);
        setBottom(bottomBar(vm, i18n, demo, finishAction));

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), vm::readCard);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F8), vm::toggleReveal);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F12), finishAction);
            }
        });
    }

    private static HBox topBar(ClerkViewModel vm, I18n i18n, String clerkName, String hallWindow, Runnable signOut,
                               Runnable diagnostics) {
        Label title = new Label(i18n.get("app.title"));
        title.getStyleClass().addAll("title-3", "app-title");
        Label where = new Label(hallWindow);
        where.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label backend = new Label();
        backend.setId("backendStatus");
        backend.textProperty().bind(Bindings.when(vm.backendOnlineProperty())
                .then(i18n.get("status.backend.online")).otherwise(i18n.get("status.backend.offline")));
        backend.styleProperty().bind(Bindings.when(vm.backendOnlineProperty())
                .then("-fx-text-fill: -color-success-fg;").otherwise("-fx-text-fill: -color-warning-fg;"));
        Label outbox = new Label();
        outbox.setId("outboxStatus");
        outbox.textProperty().bind(vm.outboxTextProperty());
        Label clerk = new Label(i18n.format("clerk.signedInAs", clerkName));
        Button out = new Button(i18n.get("clerk.signOut"));
        out.setId("signOut");
        out.setOnAction(e -> signOut.run());
        HBox bar = new HBox(16, title, where, spacer, backend, outbox, clerk, out);
        if (diagnostics != null) {
            Button diag = new Button(i18n.get("clerk.diagnostics"));
            diag.setId("openDiagnostics");
            diag.setOnAction(e -> diagnostics.run());
            bar.getChildren().add(bar.getChildren().size() - 1, diag);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 20, 10, 20));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static VBox cardPanel(ClerkViewModel vm, I18n i18n) {
        Label heading = new Label(i18n.get("clerk.card.title"));
        heading.getStyleClass().add("title-4");

        ImageView photo = new ImageView();
        photo.setId("photo");
        photo.setFitWidth(102);
        photo.setFitHeight(126);
        photo.setPreserveRatio(true);
        photo.imageProperty().bind(Bindings.createObjectBinding(() -> {
            byte[] png = vm.photoProperty().get();
            return png == null ? null : new Image(new ByteArrayInputStream(png));
        }, vm.photoProperty()));
        Label photoNote = new Label();
        photoNote.setId("photoNote");
        photoNote.setWrapText(true);
        photoNote.textProperty().bind(vm.photoNoteProperty());
        photoNote.getStyleClass().add("text-muted");
        StackPane photoBox = new StackPane(photoNote, photo);
        photoBox.setId("photoBox");
        photoBox.setMinSize(110, 136);
        photoBox.setPrefSize(110, 136);
        photoBox.setMaxSize(110, 136);
        photoBox.getStyleClass().add("photo-box");

        GridPane fields = new GridPane();
        fields.setHgap(14);
        fields.setVgap(8);
        int row = 0;
        row = field(fields, row, i18n.get("clerk.card.name"), vm.nameProperty(), "cardName");
        row = field(fields, row, i18n.get("clerk.card.number"), vm.idNumberShownProperty(), "cardNumber");
        row = field(fields, row, i18n.get("clerk.card.sex"), vm.sexProperty(), "cardSex");
        row = field(fields, row, i18n.get("clerk.card.birth"), vm.birthProperty(), "cardBirth");
        row = field(fields, row, i18n.get("clerk.card.address"), vm.addressProperty(), "cardAddress");
        row = field(fields, row, i18n.get("clerk.card.authority"), vm.authorityProperty(), "cardAuthority");
        row = field(fields, row, i18n.get("clerk.card.validity"), vm.validityProperty(), "cardValidity");
        field(fields, row, i18n.get("clerk.card.type"), vm.cardTypeProperty(), "cardType");

        HBox body = new HBox(18, photoBox, fields);
        VBox panel = new VBox(12, heading, body);
        panel.getStyleClass().add("card-box");
        panel.setPadding(new Insets(18));
        panel.setMinWidth(440);
        panel.setPrefWidth(480);
        return panel;
    }

    private static int field(GridPane grid, int row, String label, ReadOnlyStringProperty value, String id) {
        Label l = new Label(label);
        l.getStyleClass().add("text-muted");
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.setWrapText(true);
        v.setMaxWidth(330);
        v.getStyleClass().add("field-value");
        grid.addRow(row, l, v);
        return row + 1;
    }

    private static VBox verifyPanel(ClerkViewModel vm, I18n i18n) {
        Label heading = new Label(i18n.get("clerk.verify.title"));
        heading.getStyleClass().add("title-4");
        GridPane checks = new GridPane();
        checks.setHgap(14);
        checks.setVgap(8);
        check(checks, 0, i18n.get("clerk.verify.numberRules"), vm.numberRulesProperty(), i18n, "checkNumber");
        check(checks, 1, i18n.get("clerk.verify.validity"), vm.validityCheckProperty(), i18n, "checkValidity");
        check(checks, 2, i18n.get("clerk.verify.registry"), vm.registryProperty(), i18n, "checkRegistry");

        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(vm.verdictTextProperty());
        verdict.styleProperty().bind(Bindings.createStringBinding(() -> {
            var v = vm.verdictProperty().get();
            if (v == null) {
                return "";
            }
            return switch (v) {
                case VALID -> "-fx-text-fill: -color-success-fg; -fx-font-size: 1.25em; -fx-font-weight: bold;";
                case INVALID -> "-fx-text-fill: -color-danger-fg; -fx-font-size: 1.25em; -fx-font-weight: bold;";
                case UNVERIFIABLE -> "-fx-text-fill: -color-warning-fg; -fx-font-size: 1.25em; -fx-font-weight: bold;";
            };
        }, vm.verdictProperty()));

        Label archiveHeading = new Label(i18n.get("clerk.archive.title"));
        archiveHeading.getStyleClass().add("title-4");
        Label archive = new Label();
        archive.setId("archiveStatus");
        archive.setWrapText(true);
        archive.textProperty().bind(vm.archiveTextProperty());

        VBox panel = new VBox(8, heading, checks, verdict, new Separator(), archiveHeading, archive);
        panel.getStyleClass().add("card-box");
        panel.setPadding(new Insets(14, 18, 14, 18));
        return panel;
    }

    private static void check(GridPane grid, int row, String label, ReadOnlyObjectProperty<ClerkViewModel.CheckState> state,
                              I18n i18n, String id) {
        Label value = new Label();
        value.setId(id);
        value.textProperty().bind(Bindings.createStringBinding(() -> switch (state.get()) {
            case NOT_RUN -> i18n.get("clerk.verify.notRun");
            case PENDING -> i18n.get("clerk.verify.pending");
            case PASSED -> "✔ " + i18n.get("clerk.verify.passed");
            case FAILED -> "✘ " + i18n.get("clerk.verify.failed");
        }, state));
        value.styleProperty().bind(Bindings.createStringBinding(() -> switch (state.get()) {
            case PASSED -> "-fx-text-fill: -color-success-fg;";
            case FAILED -> "-fx-text-fill: -color-danger-fg;";
            default -> "-fx-text-fill: -color-fg-muted;";
        }, state));
        grid.addRow(row, new Label(label), value);
    }

    private HBox actions;

    /** Adds a button to the action row (left of the status line), e.g. the face check. */
    public void addAction(Button button) {
        actions.getChildren().add(actions.getChildren().size() - 1, button);
    }

    private VBox bottomBar(ClerkViewModel vm, I18n i18n, DemoDevices demo, Runnable finishAction) {
        Button read = new Button(i18n.get("clerk.readCard"));
        read.setId("readCard");
        read.getStyleClass().add("accent");
        read.disableProperty().bind(vm.busyProperty());
        read.setOnAction(e -> vm.readCard());
        Button reveal = new Button();
        reveal.setId("reveal");
        reveal.textProperty().bind(Bindings.when(vm.revealedProperty())
                .then(i18n.get("clerk.hide")).otherwise(i18n.get("clerk.reveal")));
        reveal.disableProperty().bind(vm.cardProperty().isNull());
        reveal.setOnAction(e -> vm.toggleReveal());
        Button finish = new Button(i18n.get("clerk.finish"));
        finish.setId("finish");
        finish.setOnAction(e -> finishAction.run());
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(vm.statusLineProperty());
        actions = new HBox(12, read, reveal, finish, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 20, 14, 20));
        VBox bottom = new VBox(actions);
        if (demo != null) {
            bottom.getChildren().add(0, demoBar(demo, i18n));
        }
        return bottom;
    }

    private static HBox demoBar(DemoDevices demo, I18n i18n) {
        Label label = new Label(i18n.get("demo.title"));
        label.getStyleClass().add("text-muted");
        ComboBox<IdCard> cards = new ComboBox<>();
        cards.setId("demoCard");
        cards.getItems().setAll(demo.cards());
        cards.getSelectionModel().selectFirst();
        cards.setConverter(new StringConverter<>() {
            @Override
            public String toString(IdCard c) {
                return c == null ? "" : c.displayName() + " · " + i18n.get("cardType." + c.type().name()) + " · "
                        + Masking.idNumber(c.idNumber());
            }

            @Override
            public IdCard fromString(String s) {
                return null;
            }
        });
        Button present = new Button(i18n.get("demo.present"));
        present.setId("demoPresent");
        present.setOnAction(e -> demo.present(cards.getValue()));
        Button remove = new Button(i18n.get("demo.remove"));
        remove.setId("demoRemove");
        remove.setOnAction(e -> demo.remove());
        Button code = new Button(i18n.get("demo.showCode"));
        code.setId("demoShowCode");
        code.setOnAction(e -> demo.showCode(cards.getValue()));
        HBox bar = new HBox(10, label, cards, present, remove, code);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 20, 0, 20));
        bar.getStyleClass().add("demo-bar");
        return bar;
    }
}
