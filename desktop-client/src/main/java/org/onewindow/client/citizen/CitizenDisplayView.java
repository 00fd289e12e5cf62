package org.onewindow.client.citizen;

import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;

/**
 * The citizen-facing display: a welcome while idle, the ticket, window and clerk while serving with what is
 * being checked now, and the 好差评 rating at the end. Binds to a {@link CitizenDisplayViewModel}; made for
 * touch (large buttons), no keyboard needed.
 */
public final class CitizenDisplayView extends StackPane {
    private final CitizenDisplayViewModel model;
    private final ResourceBundle messages;

    public CitizenDisplayView(CitizenDisplayViewModel model, ResourceBundle messages) {
        this.model = model;
        this.messages = messages;
        setPadding(new Insets(32));
        getStyleClass().add("citizen-display");

        VBox idle = page("idlePage", big(messages.getString("idle.welcome"), 40));

        Label ticket = big("", 64);
        ticket.setId("citizenTicket");
        ticket.textProperty().bind(model.ticketNumberProperty());
        Label where = big("", 28);
        where.setId("citizenWindow");
        where.textProperty().bind(Bindings.createStringBinding(() -> messages.getString("serving.where").formatted(
                model.windowNameProperty().get(), model.clerkNameProperty().get()),
                model.windowNameProperty(), model.clerkNameProperty()));
        Label checking = big("", 28);
        checking.setId("citizenChecking");
        checking.textProperty().bind(model.checkingNowProperty());
        VBox serving = page("servingPage", big(messages.getString("serving.title"), 28), ticket, where, checking);

        VBox rating = page("ratingPage", big(messages.getString("rating.title"), 32), levels(), reasons(), actions());
        VBox thanks = page("thanksPage", big(messages.getString("thanks"), 40));

        getChildren().addAll(idle, serving, rating, thanks);
        idle.visibleProperty().bind(model.phaseProperty().isEqualTo(CitizenDisplayViewModel.Phase.IDLE));
        serving.visibleProperty().bind(model.phaseProperty().isEqualTo(CitizenDisplayViewModel.Phase.SERVING));
        rating.visibleProperty().bind(model.phaseProperty().isEqualTo(CitizenDisplayViewModel.Phase.RATING));
        thanks.visibleProperty().bind(model.phaseProperty().isEqualTo(CitizenDisplayViewModel.Phase.THANKS));
    }

    /**
     * Opens the display in its own stage: full screen on the first screen that is not the clerk's when there
     * is one, otherwise a window on the clerk's screen. Call on the UI thread.
     */
    public static Stage open(CitizenDisplayViewModel model, ResourceBundle messages, Screen clerkScreen) {
        Stage stage = new Stage();
        stage.setTitle(messages.getString("stage.title"));
        stage.setScene(new Scene(new CitizenDisplayView(model, messages), 1024, 640));
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getBounds).toList();
        java.util.Optional<Rectangle2D> citizenScreen = ScreenPlacement.citizenScreen(screens, clerkScreen.getBounds());
        citizenScreen.ifPresent(bounds -> {
            place(stage, bounds);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        });
        if (citizenScreen.isEmpty()) {
            // one screen (demo, training): a window in the bottom-right corner, over the clerk's window; some
            // window managers drop the geometry asked for before the window is mapped, so it is asked again after
            Rectangle2D corner = ScreenPlacement.cornerWindow(clerkScreen.getVisualBounds(), 640, 400);
            place(stage, corner);
            stage.setAlwaysOnTop(true);
            stage.setOnShown(e -> place(stage, corner));
        }
        stage.show();
        return stage;
    }

    private static void place(Stage stage, Rectangle2D where) {
        stage.setX(where.getMinX());
        stage.setY(where.getMinY());
        stage.setWidth(where.getWidth());
        stage.setHeight(where.getHeight());
    }

    private FlowPane levels() {
        ToggleGroup group = new ToggleGroup();
        FlowPane row = new FlowPane(12, 12);
        row.setAlignment(Pos.CENTER);
        for (RatingLevel l : RatingLevel.values()) {
            ToggleButton b = new ToggleButton(messages.getString("rating." + l.name()));
            b.setId("rating-" + l.name());
            b.setToggleGroup(group);
            b.setStyle("-fx-font-size: 22px; -fx-padding: 16 24;");
            b.setOnAction(e -> model.choose(b.isSelected() ? l : null));
            row.getChildren().add(b);
        }
        model.levelProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(null);
            }
        });
        return row;
    }

    private VBox reasons() {
        Label caption = big(messages.getString("rating.reasons"), 22);
        FlowPane boxes = new FlowPane(12, 12);
        boxes.setAlignment(Pos.CENTER);
        for (RatingReason r : RatingReason.values()) {
            CheckBox box = new CheckBox(messages.getString("reason." + r.name()));
            box.setId("reason-" + r.name());
            box.setStyle("-fx-font-size: 20px;");
            box.setOnAction(e -> model.toggleReason(r));
            model.reasons().addListener((javafx.collections.SetChangeListener<RatingReason>) c ->
                    box.setSelected(model.reasons().contains(r)));
            boxes.getChildren().add(box);
        }
        VBox reasons = new VBox(12, caption, boxes);
        reasons.setId("reasons");
        reasons.setAlignment(Pos.CENTER);
        reasons.visibleProperty().bind(model.reasonsNeededBinding());
        reasons.managedProperty().bind(reasons.visibleProperty());
        return reasons;
    }

    private FlowPane actions() {
        Button submit = new Button(messages.getString("rating.submit"));
        submit.setId("submitRating");
        submit.setStyle("-fx-font-size: 22px; -fx-padding: 12 32;");
        submit.disableProperty().bind(model.canSubmitBinding().not());
        submit.setOnAction(e -> model.submit());
        Button skip = new Button(messages.getString("rating.skip"));
        skip.setId("skipRating");
        skip.setOnAction(e -> model.skip());
        FlowPane row = new FlowPane(16, 16, submit, skip);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private static VBox page(String id, javafx.scene.Node... children) {
        VBox page = new VBox(20, children);
        page.setId(id);
        page.setAlignment(Pos.CENTER);
        return page;
    }

    private static Label big(String text, int size) {
        Label l = new Label(text);
        l.setStyle("-fx-font-size: " + size + "px;");
        l.setWrapText(true);
        return l;
    }
}
