package org.onewindow.client.supervisor;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.onewindow.client.app.I18n;

/**
 * The wall display: the same live state as the dashboard in big type for a screen in the supervisor's office
 * or above the hall, no controls (Esc leaves full screen). Rebuilt from the view model's rows on each change.
 */
public final class WallDisplayView extends BorderPane {
    private final SupervisorViewModel vm;
    private final I18n i18n;
    // one row each, tiles sharing the width: the board reads the same on any screen size
    private final HBox categoryTiles = new HBox(18);
    private final HBox windowTiles = new HBox(14);
    private final VBox openAlerts = new VBox(6);

    public WallDisplayView(SupervisorViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("wall-display");
        setId("wallDisplay");
        Label title = new Label(vm.hall() + " · " + i18n.get("supervisor.title"));
        title.getStyleClass().add("wall-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label freshness = new Label();
        freshness.setId("wallFreshness");
        freshness.getStyleClass().add("wall-freshness");
        freshness.textProperty().bind(vm.freshnessProperty());
        vm.staleProperty().addListener((obs, was, stale) -> freshness.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("stale"), stale));
        Label totals = new Label();
        totals.getStyleClass().add("wall-freshness");
        totals.textProperty().bind(vm.totalsProperty());
        HBox top = new HBox(24, title, spacer, totals, freshness);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(20, 30, 10, 30));
        setTop(top);
        openAlerts.setId("wallAlerts");
        VBox center = new VBox(24, categoryTiles, windowTiles, openAlerts);
        center.setPadding(new Insets(10, 30, 30, 30));
        setCenter(center);
        vm.categories().addListener((ListChangeListener<CategoryRow>) c -> rebuildCategories());
        vm.windows().addListener((ListChangeListener<WindowRow>) c -> rebuildWindows());
        vm.alerts().addListener((ListChangeListener<org.onewindow.core.supervisor.HallAlert>) c -> rebuildAlerts());
        rebuildCategories();
        rebuildWindows();
        rebuildAlerts();
    }

    private void rebuildCategories() {
        categoryTiles.getChildren().clear();
        for (CategoryRow c : vm.categories()) {
            Label name = new Label(c.name());
            name.getStyleClass().add("wall-tile-title");
            Label waiting = new Label(String.valueOf(c.waiting()));
            waiting.getStyleClass().add("wall-number");
            waiting.setId("wallWaiting-" + c.code());
            Label unit = new Label(i18n.get("supervisor.wall.waiting"));
            unit.getStyleClass().add("wall-small");
            Label longest = new Label(i18n.format("supervisor.wall.longest", vm.minutes(c.longestWait())));
            longest.getStyleClass().add("wall-small");
            Label avg = new Label(i18n.format("supervisor.wall.average", vm.minutes(c.averageWait()), c.served()));
            avg.getStyleClass().add("wall-small");
            VBox tile = new VBox(4, name, waiting, unit, longest, avg);
            tile.getStyleClass().add("wall-tile");
            if (c.alerting()) {
                tile.getStyleClass().add("wall-alerting");
            }
            grow(tile);
            categoryTiles.getChildren().add(tile);
        }
    }

    private void rebuildWindows() {
        windowTiles.getChildren().clear();
        for (WindowRow w : vm.windows()) {
            Label name = new Label(w.name());
            name.getStyleClass().add("wall-tile-title");
            Label status = new Label(w.statusText());
            status.getStyleClass().addAll("wall-status", "status-" + w.status().name().toLowerCase(java.util.Locale.ROOT));
            status.setWrapText(true);
            Label clerk = new Label(w.clerk().isEmpty() ? " " : w.clerk());
            clerk.getStyleClass().add("wall-small");
            VBox tile = new VBox(4, name, status, clerk);
            tile.getStyleClass().add("wall-tile");
            if (w.alerting()) {
                tile.getStyleClass().add("wall-alerting");
            }
            grow(tile);
            windowTiles.getChildren().add(tile);
        }
    }

    /** The alerts nobody has acknowledged yet, newest first: what the hall should act on now. */
    private void rebuildAlerts() {
        openAlerts.getChildren().clear();
        vm.alerts().stream().filter(a -> !a.acknowledged()).limit(6).forEach(a -> {
            Label l = new Label("⚠ " + vm.label(a));
            l.getStyleClass().add("wall-alert");
            openAlerts.getChildren().add(l);
        });
    }

    private static void grow(VBox tile) {
        tile.setMinWidth(0);
        tile.setPrefWidth(100);
        tile.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(tile, Priority.ALWAYS);
    }
}
