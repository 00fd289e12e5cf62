package org.onewindow.client.casework;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.onewindow.client.app.I18n;
import org.onewindow.core.rating.RatingLevel;
import org.onewindow.core.rating.RatingReason;
import org.onewindow.core.rating.ServiceRating;

/**
 * 好差评 at the counter when no citizen display is attached: the five levels, and reasons for the low
 * ones (at least one is required there, as the scheme asks).
 */
public final class RatingDialog {
    private RatingDialog() {
    }

    public static Optional<ServiceRating> ask(Window owner, I18n i18n, Clock clock) {
        Dialog<ServiceRating> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("rating.title"));
        dialog.setHeaderText(i18n.get("rating.prompt"));
        ToggleGroup levels = new ToggleGroup();
        FlowPane levelRow = new FlowPane(10, 8);
        for (RatingLevel level : RatingLevel.values()) {
            RadioButton b = new RadioButton(level.label());
            b.setId("rating-" + level.name());
            b.setUserData(level);
            b.setToggleGroup(levels);
            levelRow.getChildren().add(b);
        }
        FlowPane reasonRow = new FlowPane(10, 8);
        Set<RatingReason> chosen = EnumSet.noneOf(RatingReason.class);
        for (RatingReason reason : RatingReason.values()) {
            CheckBox c = new CheckBox(reason.label());
            c.setId("reason-" + reason.name());
            c.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    chosen.add(reason);
                } else {
                    chosen.remove(reason);
                }
            });
            reasonRow.getChildren().add(c);
        }
        Label reasonsLabel = new Label(i18n.get("rating.reasons"));
        VBox reasons = new VBox(6, reasonsLabel, reasonRow);
        // always laid out (the dialog must not jump), usable only for the low levels
        reasons.setDisable(true);
        levels.selectedToggleProperty().addListener((o, a, b) ->
                reasons.setDisable(b == null || !((RatingLevel) b.getUserData()).needsReason()));
        VBox content = new VBox(12, levelRow, reasons);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("ratingOk");
        ok.disableProperty().bind(levels.selectedToggleProperty().isNull());
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            RatingLevel level = (RatingLevel) levels.getSelectedToggle().getUserData();
            if (level.needsReason() && chosen.isEmpty()) {
                e.consume(); // a low rating must say why
            }
        });
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            RatingLevel level = (RatingLevel) levels.getSelectedToggle().getUserData();
            return new ServiceRating(level, level.needsReason() ? chosen : Set.of(), clock.instant());
        });
        return dialog.showAndWait();
    }
}
