package org.onewindow.client.scan;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** The scan indicator: a dot that lights up once something was scanned, and "scanner · time". Binds only. */
public final class ScanIndicatorView extends HBox {

    public ScanIndicatorView(ScanIndicatorViewModel model) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("scan-indicator");
        Circle dot = new Circle(5);
        dot.fillProperty().bind(javafx.beans.binding.Bindings.when(model.lastScanAtProperty().isNull())
                .then(Color.GRAY).otherwise(Color.SEAGREEN));
        Label text = new Label();
        text.setId("scan-indicator-text");
        text.textProperty().bind(model.summaryProperty());
        Tooltip preview = new Tooltip();
        preview.textProperty().bind(model.lastScanPreviewProperty());
        text.setTooltip(preview);
        getChildren().addAll(dot, text);
    }
}
