package org.onewindow.client.verify;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The result card: a self-contained control that only binds to a {@link VerificationCardViewModel}.
 * Colour comes from the style classes verdict-valid / verdict-invalid / verdict-unverifiable (green, red,
 * amber), set inline here so the card works before the lead's stylesheet names them.
 */
public final class VerificationCard extends VBox {
    private static final String STYLE_BASE = "-fx-padding: 12; -fx-spacing: 6; -fx-background-radius: 6; -fx-border-radius: 6;"
            + " -fx-border-width: 2;";

    private final VerificationCardViewModel model;
    private final GridPane claimGrid = new GridPane();
    private final GridPane checkGrid = new GridPane();

    public VerificationCard(VerificationCardViewModel model) {
        this.model = model;
        getStyleClass().add("verification-card");
        setPadding(new Insets(12));
        setSpacing(6);

        Label headline = new Label();
        headline.setId("verdict");
        headline.textProperty().bind(model.headlineProperty());
        headline.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label reason = wrapping("reason");
        reason.textProperty().bind(model.reasonTextProperty());
        Label format = wrapping("format");
        format.textProperty().bind(model.formatTextProperty());
        Label issuer = wrapping("issuer");
        issuer.textProperty().bind(Bindings.when(model.issuerProperty().isEmpty()).then("")
                .otherwise(Bindings.concat(model.label("label.issuer"), ": ", model.issuerProperty())));
        Label validity = wrapping("validity");
        validity.textProperty().bind(Bindings.when(model.validityProperty().isEmpty()).then("")
                .otherwise(Bindings.concat(model.label("label.validity"), ": ", model.validityProperty())));
        Label how = wrapping("how-verified");
        how.textProperty().bind(model.howVerifiedProperty());
        CheckBox reveal = new CheckBox(model.label("label.reveal"));
        reveal.setId("reveal");
        reveal.selectedProperty().bindBidirectional(model.revealedProperty());
        claimGrid.setId("claims");
        claimGrid.setHgap(12);
        checkGrid.setId("checks");
        checkGrid.setHgap(12);

        getChildren().addAll(headline, reason, format, issuer, validity, claimGrid, reveal, how, checkGrid);
        model.claims().addListener((ListChangeListener<VerificationCardViewModel.Line>) c -> fill(claimGrid, model.claims()));
        model.checks().addListener((ListChangeListener<VerificationCardViewModel.Line>) c -> fill(checkGrid, model.checks()));
        model.styleClassProperty().addListener((obs, was, now) -> applyVerdictStyle(was, now));
        applyVerdictStyle(null, model.styleClassProperty().get());
    }

    public VerificationCardViewModel model() {
        return model;
    }

    private static Label wrapping(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static void fill(GridPane grid, java.util.List<VerificationCardViewModel.Line> lines) {
        grid.getChildren().clear();
        for (int i = 0; i < lines.size(); i++) {
            grid.addRow(i, new Label(lines.get(i).label()), new Label(lines.get(i).value()));
        }
    }

    private void applyVerdictStyle(String was, String now) {
        if (was != null) {
            getStyleClass().remove(was);
        }
        getStyleClass().add(now);
        String colours = switch (now) {
            case "verdict-valid" -> "-fx-background-color: #e8f5e9; -fx-border-color: #2e7d32;";
            case "verdict-invalid" -> "-fx-background-color: #ffebee; -fx-border-color: #c62828;";
            case "verdict-unverifiable" -> "-fx-background-color: #fff8e1; -fx-border-color: #ff8f00;";
            default -> "-fx-background-color: transparent; -fx-border-color: transparent;";
        };
        setStyle(STYLE_BASE + colours);
    }
}
